package org.leveling.levels.messaging;

import java.time.Instant;

import org.leveling.common.outbox.OutboxEvent;

/**
 * {@code org.leveling.people.person-upserted.v1} on {@code leveling.levels.people}, keyed by
 * employee id. Schema: docs/events/org.leveling.people.person-upserted.v1.json. Carries no email:
 * consumers need identity and reporting lines, not contact data.
 */
public record PersonUpsertedV1(String employeeId, String name, String managerId, String orgUnit, String jobFamily,
        String track, long revision, Instant upsertedAt) {

    public static final String TYPE = "org.leveling.people.person-upserted.v1";

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.PEOPLE, "person", employeeId, TYPE, this);
    }
}
