package org.leveling.levels.domain.area;

import java.time.Instant;

import org.leveling.common.changes.DomainEvent;

/** An area got its first ({@code previousOwnerId} null) or a new owner. */
public record AreaOwnerChanged(String areaKey, String name, String ownerId, String previousOwnerId, long revision,
        Instant since) implements DomainEvent {
}
