package org.leveling.levels.domain.framework;

import java.time.Instant;

import org.leveling.common.changes.DomainEvent;

/** A published version was retired: nothing new is built on it; it stays readable. */
public record FrameworkRetired(String frameworkKey, int version, Instant retiredAt) implements DomainEvent {
}
