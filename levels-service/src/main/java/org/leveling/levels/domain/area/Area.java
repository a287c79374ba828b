package org.leveling.levels.domain.area;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An Area of Responsibility and its one current owner. */
@Entity
@Table(name = "area")
public class Area extends PanacheEntityBase {

    @Id
    @Column(name = "area_key")
    private String areaKey;
    private String name;
    private String description;
    @Column(name = "owner_id")
    private String ownerId;
    private long revision;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Area() {
        // For Hibernate.
    }

    public static Area create(String key, String name, String description, String ownerId, Instant now) {
        Area area = new Area();
        area.areaKey = key;
        area.name = name;
        area.description = description;
        area.ownerId = ownerId;
        area.revision = 1;
        area.createdAt = now;
        area.updatedAt = now;
        return area;
    }

    /** Hands the area to a new owner; false when they own it already. */
    public boolean handOver(String newOwnerId, Instant now) {
        if (newOwnerId.equals(ownerId)) {
            return false;
        }
        ownerId = newOwnerId;
        revision++;
        updatedAt = now;
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

    public long revision() {
        return revision;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
