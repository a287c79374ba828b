package org.leveling.common.changes;

/**
 * A fact a change of the domain states, as a plain record of the service's {@code domain}
 * package, with no wire version in its name. The service's {@link WireEvents} maps it to the
 * versioned records its topics carry; projections that move in the same transaction observe it
 * (CDI {@code @Observes}), fired by the {@link ChangeRecorder}.
 */
public interface DomainEvent {
}
