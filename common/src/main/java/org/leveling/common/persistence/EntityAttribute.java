package org.leveling.common.persistence;

import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * One attribute of an entity read by id, without loading the entity: access checks read whose
 * row it is before the row itself, so that a row outside the caller's scope costs what an unknown
 * id costs.
 */
public final class EntityAttribute {

    private EntityAttribute() {
    }

    /**
     * {@code attribute} of the {@code entity} whose {@code id} attribute is {@code id}; null when
     * there is no such entity. {@code attribute} is a name from the code, never from a request.
     */
    public static <T> T ofId(Class<?> entity, String attribute, Object id, Class<T> type) {
        EntityManager entityManager = Panache.getEntityManager(entity);
        String entityName = entityManager.getMetamodel().entity(entity).getName();
        return entityManager
                .createQuery("select x." + attribute + " from " + entityName + " x where x.id = :id", type)
                .setParameter("id", id).getResultStream().findFirst().orElse(null);
    }
}
