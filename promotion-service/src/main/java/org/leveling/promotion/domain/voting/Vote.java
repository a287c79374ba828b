package org.leveling.promotion.domain.voting;

import java.time.Instant;
import java.util.Map;

/** One member's vote on a case: their choice, why, and optional notes per competency. */
public record Vote(String memberId, VoteChoice choice, String rationale, Map<String, String> competencyNotes,
        int revision, Instant castAt, Instant updatedAt) {
}
