package org.leveling.levels.messaging;

import java.time.Instant;

import org.leveling.common.outbox.OutboxEvent;

/**
 * {@code org.leveling.frameworks.framework-retired.v1}: no new nominations or evidence against this
 * version; it stays readable. Schema: docs/events/org.leveling.frameworks.framework-retired.v1.json.
 */
public record FrameworkRetiredV1(String frameworkKey, int version, Instant retiredAt) {

    public static final String TYPE = "org.leveling.frameworks.framework-retired.v1";

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.FRAMEWORKS, "framework", frameworkKey, TYPE, this);
    }
}
