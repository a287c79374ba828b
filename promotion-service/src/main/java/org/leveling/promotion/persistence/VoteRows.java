package org.leveling.promotion.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.leveling.common.persistence.NativeValues;

/**
 * The votes (table {@code vote}, no entity): one per member and case, changed in place while the
 * case is open, its revision counting the changes.
 */
@ApplicationScoped
public class VoteRows {

    /** A vote as stored; {@code competencyNotes} is the JSON object as text. */
    public record Row(String memberId, String choice, String rationale, String competencyNotes, int revision,
            Instant castAt, Instant updatedAt) {
    }

    private static final String VOTES_OF_CASE = """
            SELECT member_id, choice, rationale, competency_notes::text, revision, cast_at, updated_at
            FROM vote WHERE nomination_id = :id""";

    private final EntityManager entityManager;

    public VoteRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Casts the member's vote, or changes it (revision + 1; cast_at stays). */
    public void upsert(String nominationId, String memberId, String choice, String rationale,
            String competencyNotes, Instant now) {
        entityManager.createNativeQuery("""
                INSERT INTO vote (nomination_id, member_id, choice, rationale, competency_notes, revision, cast_at,
                                  updated_at)
                VALUES (:nomination, :member, :choice, :rationale, CAST(:notes AS jsonb), 1, :now, :now)
                ON CONFLICT (nomination_id, member_id) DO UPDATE SET choice = EXCLUDED.choice,
                    rationale = EXCLUDED.rationale, competency_notes = EXCLUDED.competency_notes,
                    revision = vote.revision + 1, updated_at = EXCLUDED.updated_at
                """).setParameter("nomination", nominationId).setParameter("member", memberId)
                .setParameter("choice", choice).setParameter("rationale", rationale)
                .setParameter("notes", competencyNotes).setParameter("now", Timestamp.from(now)).executeUpdate();
    }

    /** The case's votes, in the order they were cast. */
    public List<Row> ofCase(String nominationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(VOTES_OF_CASE + " ORDER BY cast_at, member_id")
                .setParameter("id", nominationId).getResultList();
        return rows.stream().map(VoteRows::read).toList();
    }

    public Optional<Row> of(String nominationId, String memberId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(VOTES_OF_CASE + " AND member_id = :member")
                .setParameter("id", nominationId).setParameter("member", memberId).getResultList();
        return rows.stream().findFirst().map(VoteRows::read);
    }

    private static Row read(Object[] row) {
        return new Row((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                ((Number) row[4]).intValue(), NativeValues.instant(row[5]), NativeValues.instant(row[6]));
    }
}
