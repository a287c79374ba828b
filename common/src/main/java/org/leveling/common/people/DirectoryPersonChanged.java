package org.leveling.common.people;

/**
 * Fired (synchronously, in the inbox transaction that applied it) when a person event changed the
 * people read model, so that a service can re-check what depends on manager chains — e.g.
 * promotion-service's conflicts of interest — in the same transaction as the change.
 */
public record DirectoryPersonChanged(String employeeId, String eventType, String eventId) {
}
