package org.leveling.common.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An entity whose every change raises its revision, the number its ETag carries and its events
 * report, and stamps when it changed. Kept here so that every aggregate counts revisions alike:
 * 1 when created, one more per change.
 */
@MappedSuperclass
public abstract class RevisedEntity extends PanacheEntityBase {

    private long revision;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    /** Revision 1, created and changed {@code now}. */
    protected void firstRevision(Instant now) {
        revision = 1;
        createdAt = now;
        updatedAt = now;
    }

    /** One change more, made {@code now}. */
    protected void nextRevision(Instant now) {
        revision++;
        updatedAt = now;
    }

    public long revision() {
        return revision;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
