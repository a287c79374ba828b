package org.leveling.evidence.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.leveling.common.outbox.OutboxEvent;
import org.leveling.evidence.domain.CheckIn.Rating;

/**
 * {@code org.leveling.evidence.check-in-recorded.v1} on {@code leveling.evidence}, keyed by the
 * subject's employee id (a person's check-ins stay in order): the ratings, not the notes. Schema:
 * docs/events/org.leveling.evidence.check-in-recorded.v1.json.
 */
public record CheckInRecordedV1(String checkInId, String subjectId, String managerId, LocalDate date,
        String frameworkKey, int frameworkVersion, String targetLevel, List<Rating> ratings, Instant recordedAt) {

    public static final String TYPE = "org.leveling.evidence.check-in-recorded.v1";

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.EVIDENCE, "check-in", subjectId, TYPE, this);
    }
}
