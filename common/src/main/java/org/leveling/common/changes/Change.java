package org.leveling.common.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of one resource, as the audit trail keeps it (the state before and after; before is
 * null for a creation), with the domain events it caused. The {@link ChangeRecorder} writes it: its
 * audit row and its events' outbox rows, in the caller's transaction — there is no way to record
 * the one without the other.
 *
 * @param resourceType the audit trail's resource type, e.g. {@code person}
 * @param resourceId the resource's id
 * @param before the state before (serialised as JSON), or null
 * @param after the state after (serialised as JSON), or null
 * @param events what the change caused, in order; empty when the change announces nothing
 */
public record Change(String resourceType, String resourceId, Object before, Object after, List<DomainEvent> events) {

    public Change {
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceId, "resourceId");
        events = List.copyOf(events);
    }

    /** A change that announces nothing (yet: see {@link #causing}). */
    public static Change of(String resourceType, String resourceId, Object before, Object after) {
        return new Change(resourceType, resourceId, before, after, List.of());
    }

    /** The same change, having also caused {@code more}. */
    public Change causing(DomainEvent... more) {
        List<DomainEvent> all = new ArrayList<>(events);
        all.addAll(List.of(more));
        return new Change(resourceType, resourceId, before, after, all);
    }

    /** The same change, having also caused {@code event} if there is one. */
    public Change causing(Optional<? extends DomainEvent> event) {
        return event.<Change>map(this::causing).orElse(this);
    }
}
