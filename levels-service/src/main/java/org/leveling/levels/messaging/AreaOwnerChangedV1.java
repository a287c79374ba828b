package org.leveling.levels.messaging;

import java.time.Instant;

import org.leveling.common.outbox.OutboxEvent;

/**
 * {@code org.leveling.areas.area-owner-changed.v1} on {@code leveling.levels.people}, keyed by area
 * key: an area got its first or a new owner. Schema:
 * docs/events/org.leveling.areas.area-owner-changed.v1.json.
 */
public record AreaOwnerChangedV1(String areaKey, String name, String ownerId, String previousOwnerId, long revision,
        Instant since) {

    public static final String TYPE = "org.leveling.areas.area-owner-changed.v1";

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.PEOPLE, "area", areaKey, TYPE, this);
    }
}
