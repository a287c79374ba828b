package org.leveling.promotion.domain.voting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.frameworks.Ladder;
import org.leveling.common.problem.Problem.FieldViolation;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ResourceNotFoundException;
import org.leveling.common.security.Caller;
import org.leveling.promotion.domain.committee.Committee;
import org.leveling.promotion.domain.cycle.Cycle;
import org.leveling.promotion.domain.cycle.CycleState;
import org.leveling.promotion.domain.nomination.CaseAccess;
import org.leveling.promotion.domain.nomination.Nomination;
import org.leveling.promotion.domain.nomination.NominationStatus;
import org.leveling.promotion.persistence.VoteRows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Blind votes: each eligible member of a case in review votes once and may change the vote until
 * the decision; a member sees the others' votes only after casting their own; nobody with a
 * conflict of interest (the candidate included) sees them at all.
 */
@ApplicationScoped
public class VotingService {

    private static final TypeReference<Map<String, String>> NOTES = new TypeReference<>() {
    };
    /** The votes of one case, read by {@link #toVote}. */
    private final VoteRows votes;
    private final FrameworkCatalog frameworks;
    private final CaseAccess cases;
    private final ChangeRecorder changes;
    private final ObjectMapper json;
    private final Clock clock;

    public VotingService(VoteRows votes, FrameworkCatalog frameworks, CaseAccess cases, ChangeRecorder changes, ObjectMapper json, Clock clock) {
        this.votes = votes;
        this.frameworks = frameworks;
        this.cases = cases;
        this.changes = changes;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What the caller may know of a case's votes. {@code visible} is false for a member who has not
     * voted yet: they see how many have voted, not how.
     */
    public record Votes(List<String> eligibleMembers, int quorum, int votesCast, boolean quorumMet,
            boolean quorumReachable, Vote myVote, boolean visible, Tally tally, List<Vote> votes) {
    }

    /** Casts the caller's vote, or changes it (revision + 1) until the case is decided. */
    @Transactional
    public Vote cast(String nominationId, VoteChoice choice, String rationale, Map<String, String> notes) {
        Caller caller = cases.caller();
        Nomination nomination = cases.lockedForCaller(nominationId);
        cases.refuseIfConflicted(caller, nomination, "vote on it");
        if (!cases.eligibleMembers(nomination).contains(caller.employeeId())) {
            throw ProblemException.forbidden("Only the case's eligible committee members vote; the candidate, their "
                    + "management chain, the nominator, recused members and those who attested its evidence do not.");
        }
        requireOpenForVotes(nomination);
        Ladder ladder = frameworks.find(nomination.frameworkKey(), nomination.frameworkVersion()).orElseThrow()
                .ladder();
        List<FieldViolation> violations = new ArrayList<>();
        notes.keySet().stream().filter(key -> ladder.competency(key).isEmpty()).forEach(key -> violations.add(
                new FieldViolation("competencyNotes." + key, "is not a competency of " + nomination.frameworkKey()
                        + " version " + nomination.frameworkVersion())));
        ProblemException.refuseIfAny("The vote cannot be accepted as given.", violations);

        Optional<Vote> before = find(nominationId, caller.employeeId());
        Instant now = clock.instant();
        votes.upsert(nominationId, caller.employeeId(), choice.name(), rationale, write(notes), now);
        Vote vote = find(nominationId, caller.employeeId()).orElseThrow();
        changes.record(Change.of("vote", nominationId + "/" + caller.employeeId(), before.orElse(null), vote)
                .causing(new VoteCast(nominationId, nomination.cycleId(), nomination.committeeId(),
                        caller.employeeId(), choice, List.copyOf(notes.keySet()), vote.revision(), now)));
        return vote;
    }

    /**
     * The votes as far as the caller may see them: an hr-admin without a conflict on the case all, an
     * eligible member once they have voted; anyone with a conflict of interest nothing (404).
     */
    @Transactional
    public Votes of(String nominationId) {
        Caller caller = cases.caller();
        Nomination nomination = cases.visible(nominationId);
        List<String> eligible = cases.eligibleMembers(nomination);
        boolean member = eligible.contains(caller.employeeId());
        if (!member && !cases.administers(caller, nomination)) {
            throw new ResourceNotFoundException("votes of nomination", nominationId);
        }
        if (nomination.committeeId() == null) {
            throw ProblemException.conflict("The case is a draft: it has no committee and no votes yet.");
        }
        List<Vote> votes = votesOf(nomination, eligible);
        Vote mine = votes.stream().filter(v -> v.memberId().equals(caller.employeeId())).findFirst().orElse(null);
        boolean visible = !member || mine != null;
        int quorum = Committee.<Committee>findById(nomination.committeeId()).quorum();
        return new Votes(eligible, quorum, votes.size(), votes.size() >= quorum, eligible.size() >= quorum, mine,
                visible, visible ? tally(votes) : null, visible ? votes : null);
    }

    /**
     * The votes that count: those of members still eligible now (one who recused or became conflicted
     * after voting no longer counts).
     */
    public List<Vote> eligibleVotes(Nomination nomination) {
        return votesOf(nomination, cases.eligibleMembers(nomination));
    }

    private List<Vote> votesOf(Nomination nomination, List<String> eligible) {
        return votes.ofCase(nomination.id()).stream().map(this::toVote).filter(v -> eligible.contains(v.memberId())).toList();
    }

    public static Tally tally(List<Vote> votes) {
        int approve = 0;
        int reject = 0;
        int abstain = 0;
        for (Vote vote : votes) {
            switch (vote.choice()) {
                case APPROVE -> approve++;
                case REJECT -> reject++;
                case ABSTAIN -> abstain++;
            }
        }
        return new Tally(approve, reject, abstain);
    }

    /** Votes and decisions happen on a case in review while its cycle reviews or calibrates. */
    public static void requireOpenForVotes(Nomination nomination) {
        if (nomination.status() == NominationStatus.DECIDED) {
            throw ProblemException.conflict("The case is decided: its votes are final.");
        }
        if (nomination.status() != NominationStatus.IN_REVIEW) {
            throw ProblemException.conflict("The case is " + nomination.status()
                    + ": votes and decisions start when its packet has arrived (IN_REVIEW).");
        }
        CycleState state = Cycle.<Cycle>findById(nomination.cycleId()).state();
        if (state != CycleState.IN_REVIEW && state != CycleState.CALIBRATING) {
            throw ProblemException.conflict("The cycle is " + state
                    + ": votes and decisions happen while it is IN_REVIEW or CALIBRATING.");
        }
    }

    private Optional<Vote> find(String nominationId, String memberId) {
        return votes.of(nominationId, memberId).map(this::toVote);
    }

    private Vote toVote(VoteRows.Row row) {
        try {
            Map<String, String> notes = new LinkedHashMap<>(json.readValue(row.competencyNotes(), NOTES));
            return new Vote(row.memberId(), VoteChoice.valueOf(row.choice()), row.rationale(), notes,
                    row.revision(), row.castAt(), row.updatedAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("competency_notes of a vote is not a JSON object", e);
        }
    }

    private String write(Map<String, String> notes) {
        try {
            return json.writeValueAsString(notes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
