package org.leveling.common.changes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.leveling.common.audit.AuditTrail;
import org.leveling.common.outbox.Outbox;

/**
 * The one writer of the audit trail's change rows and of the outbox: every change of a service
 * goes through here, in the transaction of the change, so a change, its audit row and its events
 * commit together or not at all (the architecture contract lets nothing else call
 * {@link Outbox#record} or {@link AuditTrail#recordChange}). Projections that must move in the same
 * transaction observe the domain events, fired synchronously here.
 */
@ApplicationScoped
public class ChangeRecorder {

    private final AuditTrail audit;
    private final Outbox outbox;
    private final WireEvents wire;
    private final Event<DomainEvent> projections;

    public ChangeRecorder(AuditTrail audit, Outbox outbox, WireEvents wire, Event<DomainEvent> projections) {
        this.audit = audit;
        this.outbox = outbox;
        this.wire = wire;
        this.projections = projections;
    }

    /** Records a change the current API call made: audit row as the caller, then its events. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Change change) {
        audit.recordChange(change.resourceType(), change.resourceId(), change.before(), change.after());
        announce(change);
    }

    /** Records a change a consumed event made: audit row as its producer, then its events. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventCause cause, Change change) {
        audit.recordEventChange(cause.producer(), cause.eventType(), cause.eventId(), change.resourceType(),
                change.resourceId(), change.before(), change.after());
        announce(change);
    }

    private void announce(Change change) {
        for (DomainEvent event : change.events()) {
            wire.toWire(event).forEach(outbox::record);
            projections.fire(event);
        }
    }
}
