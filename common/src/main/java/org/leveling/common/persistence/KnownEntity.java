package org.leveling.common.persistence;

import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.Panache;
import org.leveling.common.problem.ResourceNotFoundException;

/** An entity a request names by id, or the API's 404 for an id nothing has. */
public final class KnownEntity {

    private KnownEntity() {
    }

    /** The {@code entity} with this id; else a 404 naming {@code resourceType} and the id. */
    public static <T> T byId(Class<T> entity, String resourceType, String id) {
        return orNotFound(Panache.getEntityManager(entity).find(entity, id), resourceType, id);
    }

    /** As {@link #byId}, locked for a change until the transaction ends. */
    public static <T> T lockedById(Class<T> entity, String resourceType, String id) {
        return orNotFound(Panache.getEntityManager(entity).find(entity, id, LockModeType.PESSIMISTIC_WRITE),
                resourceType, id);
    }

    private static <T> T orNotFound(T found, String resourceType, String id) {
        if (found == null) {
            throw new ResourceNotFoundException(resourceType, id);
        }
        return found;
    }
}
