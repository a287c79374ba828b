package org.leveling.promotion.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The frozen packets (table {@code nomination_packet}, no entity): the payload of packet-assembled,
 * kept whole, one per nomination, append-only in the database.
 */
@ApplicationScoped
public class NominationPackets {

    private final EntityManager entityManager;

    public NominationPackets(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** False when the nomination has its packet already (a duplicate; nothing is written). */
    public boolean freeze(String nominationId, String payload, Instant receivedAt, String sourceEventId) {
        return entityManager.createNativeQuery("""
                INSERT INTO nomination_packet (nomination_id, payload, received_at, source_event_id)
                VALUES (:id, CAST(:payload AS jsonb), :now, :eventId) ON CONFLICT (nomination_id) DO NOTHING
                """).setParameter("id", nominationId).setParameter("payload", payload)
                .setParameter("now", Timestamp.from(receivedAt)).setParameter("eventId", sourceEventId)
                .executeUpdate() == 1;
    }

    /** The packet as JSON text, as it arrived. */
    public Optional<String> payload(String nominationId) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager.createNativeQuery(
                "SELECT payload::text FROM nomination_packet WHERE nomination_id = :id").setParameter("id", nominationId)
                .getResultList();
        return rows.stream().findFirst();
    }
}
