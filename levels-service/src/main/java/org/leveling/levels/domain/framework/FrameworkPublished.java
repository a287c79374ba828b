package org.leveling.levels.domain.framework;

import java.time.Instant;

import org.leveling.common.changes.DomainEvent;

/** A framework's draft became a published version, with the whole document. */
public record FrameworkPublished(String frameworkKey, String name, String jobFamily, int version, Instant publishedAt,
        FrameworkDocument document) implements DomainEvent {
}
