package org.leveling.levels.domain.area;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One period of ownership of an area, from {@code since} until the next entry. */
@Entity
@Table(name = "area_ownership")
public class AreaOwnership extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "area_key", updatable = false)
    private String areaKey;
    @Column(name = "owner_id", updatable = false)
    private String ownerId;
    @Column(updatable = false)
    private Instant since;
    @Column(name = "changed_by", updatable = false)
    private String changedBy;

    protected AreaOwnership() {
        // For Hibernate.
    }

    public static AreaOwnership of(String areaKey, String ownerId, Instant since, String changedBy) {
        AreaOwnership ownership = new AreaOwnership();
        ownership.areaKey = areaKey;
        ownership.ownerId = ownerId;
        ownership.since = since;
        ownership.changedBy = changedBy;
        return ownership;
    }

    public String ownerId() {
        return ownerId;
    }

    public Instant since() {
        return since;
    }

    public String changedBy() {
        return changedBy;
    }
}
