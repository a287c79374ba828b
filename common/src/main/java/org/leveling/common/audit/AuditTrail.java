package org.leveling.common.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leveling.common.persistence.Jdbc;
import org.leveling.common.security.Caller;
import org.leveling.common.security.CurrentUser;
import org.leveling.common.web.RequestMetadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Writes the append-only audit trail: one row per mutating API call. A change is recorded by the
 * service layer in the transaction of the change, with the state before and after; a refused call
 * (any 4xx) is recorded by the error mappers in a transaction of its own, because the call's own
 * transaction rolled back. A refused call without a valid token is only counted
 * ({@link AnonymousRefusals}): anyone may send those, as many as they like.
 */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final RequestMetadata request;
    private final CurrentUser currentUser;
    private final AnonymousRefusals anonymousRefusals;

    public AuditTrail(EntityManager entityManager, ObjectMapper json, RequestMetadata request, CurrentUser currentUser,
            AnonymousRefusals anonymousRefusals) {
        this.entityManager = entityManager;
        this.json = json;
        this.request = request;
        this.currentUser = currentUser;
        this.anonymousRefusals = anonymousRefusals;
    }

    /** Records a change made by the current request; {@code before} is null for a creation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordChange(String resourceType, String resourceId, Object before, Object after) {
        insert(new Entry(currentUser.caller(), request.action(), resourceType, resourceId, toJson(before),
                toJson(after), "SUCCEEDED", null, null, request.correlationId()));
        request.markAudited();
    }

    /**
     * Records a change an event caused (no API call behind it): the actor is the producing service,
     * the action names the event type, and the event id stands in for the correlation id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEventChange(String actor, String eventType, String eventId, String resourceType,
            String resourceId, Object before, Object after) {
        insert(new Entry(Caller.authenticated(actor, java.util.Set.of()), "event " + eventType, resourceType,
                resourceId, toJson(before), toJson(after), "SUCCEEDED", null, null, truncate(eventId, 64)));
    }

    /**
     * Records a mutating call that was refused with {@code status}, in a transaction of its own; a
     * caller without a valid token is counted with the others of its minute, route and address instead.
     * Refusals decided on an I/O thread (authentication and role checks run before the request
     * reaches a worker) are written from a worker thread, moments after the response.
     */
    public void recordRefusal(Caller caller, int status, String detail) {
        request.markAudited();
        if (caller.isAnonymous()) {
            AnonymousRefusals.Refusal refusal = new AnonymousRefusals.Refusal(request.method(), request.route(),
                    request.clientAddress(), status);
            write(() -> anonymousRefusals.count(refusal), request.action());
            return;
        }
        Entry entry = new Entry(caller, request.action(), null, null, null, null, "REFUSED", status, detail,
                request.correlationId());
        write(() -> QuarkusTransaction.requiringNew().run(() -> insert(entry)), entry.action());
    }

    /**
     * A refusal changed nothing, so a failed audit write must not turn the caller's 4xx into a 500:
     * it is logged instead.
     */
    private static void write(Runnable write, String action) {
        Runnable logged = () -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                Log.errorf(e, "Could not audit refused call %s", action);
            }
        };
        if (BlockingOperationControl.isBlockingAllowed()) {
            logged.run();
        } else {
            Infrastructure.getDefaultWorkerPool().execute(logged);
        }
    }

    /** Records a succeeded mutating call that its service did not audit itself (a gap, logged by the caller). */
    void recordUnattributedSuccess(int status) {
        Entry entry = new Entry(currentUser.caller(), request.action(), null, null, null, null, "SUCCEEDED",
                status, "recorded after the fact: the change did not audit itself", request.correlationId());
        QuarkusTransaction.requiringNew().run(() -> insert(entry));
    }

    private void insert(Entry e) {
        Jdbc.update(entityManager, """
                INSERT INTO audit_log (actor, roles, action, resource_type, resource_id, before_state, after_state,
                                       outcome, status, detail, correlation_id)
                VALUES (?, CAST(? AS jsonb), ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?)
                """, e.caller().employeeId(), toJson(e.caller().roles().stream().sorted().toList()),
                truncate(e.action(), 300), e.resourceType(), e.resourceId(), e.before(), e.after(), e.outcome(),
                e.status(), e.detail(), e.correlationId());
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit state is not serialisable", e);
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private record Entry(Caller caller, String action, String resourceType, String resourceId, String before,
            String after, String outcome, Integer status, String detail, String correlationId) {
    }
}
