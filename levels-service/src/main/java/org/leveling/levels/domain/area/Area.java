package org.leveling.levels.domain.area;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.leveling.common.persistence.RevisedEntity;

/** An Area of Responsibility and its one current owner. */
@Entity
@Table(name = "area")
public class Area extends RevisedEntity {

    @Id
    @Column(name = "area_key")
    private String areaKey;
    private String name;
    private String description;
    @Column(name = "owner_id")
    private String ownerId;

    protected Area() {
        // For Hibernate.
    }

    public static Area create(String key, String name, String description, String ownerId, Instant now) {
        Area area = new Area();
        area.areaKey = key;
        area.name = name;
        area.description = description;
        area.ownerId = ownerId;
        area.firstRevision(now);
        return area;
    }

    /** Hands the area to a new owner; false when they own it already. */
    public boolean handOver(String newOwnerId, Instant now) {
        if (newOwnerId.equals(ownerId)) {
            return false;
        }
        ownerId = newOwnerId;
        nextRevision(now);
        return true;
    }

    public String key() {
        return areaKey;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String ownerId() {
        return ownerId;
    }
}
