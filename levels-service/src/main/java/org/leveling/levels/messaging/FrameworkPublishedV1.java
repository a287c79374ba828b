package org.leveling.levels.messaging;

import java.time.Instant;

import org.leveling.common.outbox.OutboxEvent;
import org.leveling.levels.domain.framework.FrameworkDocument;

/**
 * {@code org.leveling.frameworks.framework-published.v1} on {@code leveling.levels.frameworks},
 * keyed by framework key. Carries the whole published document, so consumers never call back.
 * Schema: docs/events/org.leveling.frameworks.framework-published.v1.json.
 */
public record FrameworkPublishedV1(String frameworkKey, String name, String jobFamily, int version,
        Instant publishedAt, FrameworkDocument document) {

    public static final String TYPE = "org.leveling.frameworks.framework-published.v1";

    public OutboxEvent toOutbox() {
        return new OutboxEvent(Topics.FRAMEWORKS, "framework", frameworkKey, TYPE, this);
    }
}
