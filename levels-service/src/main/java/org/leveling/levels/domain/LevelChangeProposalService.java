package org.leveling.levels.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.persistence.KnownEntity;
import org.leveling.common.persistence.OptionalConditions;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;
import org.leveling.common.security.Caller;
import org.leveling.common.security.CurrentUser;
import org.leveling.common.security.ManagementChains;

import io.quarkus.panache.common.Sort;

/**
 * The two-person rule for manual level changes: one hr-admin proposes, a second one without a
 * conflict of interest (not the proposer, not the person, not in the person's management chain)
 * approves, and only the approval appends to the history. Conflicts are checked against the
 * directory at the time of the decision, not of the proposal.
 */
@ApplicationScoped
public class LevelChangeProposalService {

    static final String RESOURCE = "level-change-proposal";

    private final LevelHistoryService levels;
    private final ManagementChains chains;
    private final ChangeRecorder changes;
    private final CurrentUser currentUser;
    private final Clock clock;

    public LevelChangeProposalService(LevelHistoryService levels, ManagementChains chains,
            ChangeRecorder changes, CurrentUser currentUser, Clock clock) {
        this.levels = levels;
        this.chains = chains;
        this.changes = changes;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Proposes a change (PROMOTION, TRANSFER or CORRECTION) that must fit the history as it is now,
     * by the rules of a direct append; at most one proposal per person is open at a time.
     */
    @Transactional
    public LevelChangeProposal propose(String employeeId, LevelChange change) {
        if (!change.reason().needsSecondPerson()) {
            throw new IllegalArgumentException(change.reason() + " levels are appended directly, not proposed");
        }
        Caller caller = currentUser.caller();
        SeparationOfDuties.refuseOwnLevel(caller, employeeId);
        levels.lockPerson(employeeId);
        Optional<LevelAssignment> latest = LevelHistoryService.latest(employeeId);
        levels.misfit(change, latest).ifPresent(violation -> {
            throw LevelHistoryService.invalid(violation);
        });
        LevelChangeProposal.openFor(employeeId).ifPresent(open -> {
            throw ProblemException.conflict(employeeId + " already has an open level change proposal (" + open.id()
                    + "): approve or reject it before proposing another.");
        });
        LevelChangeProposal proposal = LevelChangeProposal.propose(UUID.randomUUID().toString(), employeeId, change,
                latest, caller.employeeId(), clock.instant());
        proposal.persistAndFlush();
        changes.record(Change.of(RESOURCE, proposal.id(), null, State.of(proposal))
                .causing(new LevelChangeProposed(proposal.snapshot())));
        return proposal;
    }

    /**
     * Approves a proposal: appends its entry, announced by level-changed, if it still fits the
     * history — the latest entry is still the one it was proposed against, and the framework
     * version and the date are still valid. Otherwise 409 and nothing changes.
     */
    @Transactional
    public LevelChangeProposal approve(String id) {
        Caller caller = currentUser.caller();
        LevelChangeProposal proposal = lockForDecision(id, caller, true);
        Optional<LevelAssignment> latest = LevelHistoryService.latest(proposal.employeeId());
        Long latestId = latest.map(LevelAssignment::id).orElse(null);
        if (!Objects.equals(latestId, proposal.basedOnEntryId())) {
            throw new ProblemException(409, ProblemType.CONFLICT, "The level history of " + proposal.employeeId()
                    + " changed after this proposal (its latest entry is now " + latestId + ", not "
                    + proposal.basedOnEntryId() + "): reject it and propose the change again.", List.of());
        }
        levels.misfit(proposal.change(), latest).ifPresent(violation -> {
            throw new ProblemException(409, ProblemType.CONFLICT, "The proposed change no longer fits the level "
                    + "history: reject it and propose the change again.", List.of(violation));
        });
        State before = State.of(proposal);
        LevelHistoryService.Entry entry = levels.record(proposal.employeeId(), proposal.change(), caller.employeeId(),
                latest);
        proposal.approve(caller.employeeId(), clock.instant(), entry.assignment().id());
        // level-changed goes first: the decision names the entry it announced.
        changes.record(entry.change());
        changes.record(Change.of(RESOURCE, id, before, State.of(proposal))
                .causing(new LevelChangeProposalDecided(proposal.snapshot())));
        return proposal;
    }

    /** Rejects a proposal with a reason; the history is not touched. The proposer may withdraw their own this way. */
    @Transactional
    public LevelChangeProposal reject(String id, String reason) {
        Caller caller = currentUser.caller();
        LevelChangeProposal proposal = lockForDecision(id, caller, false);
        State before = State.of(proposal);
        proposal.reject(caller.employeeId(), clock.instant(), reason);
        changes.record(Change.of(RESOURCE, id, before, State.of(proposal))
                .causing(new LevelChangeProposalDecided(proposal.snapshot())));
        return proposal;
    }

    /**
     * The proposal, locked after its person (the order every history change takes locks in), once
     * the caller is found free to decide it: 404 for an unknown id, 403 for a conflict of interest,
     * 409 once it is decided.
     */
    private LevelChangeProposal lockForDecision(String id, Caller caller, boolean approving) {
        LevelChangeProposal proposal = KnownEntity.byId(LevelChangeProposal.class, RESOURCE, id);
        String person = proposal.employeeId();
        if (SeparationOfDuties.isSelf(caller, person)) {
            throw ProblemException.forbidden("Nobody decides a change of their own level, whatever their roles: "
                    + "another hr-admin does.");
        }
        boolean proposer = caller.employeeId().equals(proposal.proposedBy());
        if (approving && proposer) {
            throw ProblemException.forbidden("Two-person rule: the hr-admin who proposed a level change does not "
                    + "approve it; a second hr-admin does.");
        }
        if (!proposer && chains.managementChain(person).contains(caller.employeeId())) {
            throw ProblemException.forbidden("You are in " + person + "'s management chain: a level change is "
                    + "decided by an hr-admin outside it.");
        }
        levels.lockPerson(person);
        LevelChangeProposal locked = LevelChangeProposal.findById(id, LockModeType.PESSIMISTIC_WRITE);
        locked.requireOpen();
        return locked;
    }

    /** One proposal, for hr-admin; 404 for an unknown id. */
    @Transactional
    public LevelChangeProposal get(String id) {
        return KnownEntity.byId(LevelChangeProposal.class, RESOURCE, id);
    }

    /** A position in the list of proposals, oldest first: after the proposal made at this time with this id. */
    public record Position(Instant proposedAt, String id) {
    }

    /** Up to {@code limit} proposals after {@code after} (null: from the first), oldest first, optionally filtered. */
    @Transactional
    public List<LevelChangeProposal> list(LevelChangeProposal.Status status, String employeeId, Position after,
            int limit) {
        OptionalConditions conditions = new OptionalConditions().equal("status", status)
                .equal("employeeId", employeeId);
        if (after != null) {
            conditions.and("(proposedAt > :afterAt or (proposedAt = :afterAt and id > :afterId))",
                    Map.of("afterAt", after.proposedAt(), "afterId", after.id()));
        }
        return LevelChangeProposal.<LevelChangeProposal>find(conditions.query(), Sort.by("proposedAt").and("id"),
                conditions.parameters()).page(0, limit).list();
    }

    /** What the audit trail keeps of a proposal: everything but the rejection's reason, which stays in the row. */
    record State(String id, String employeeId, String change, String previousLevel, LevelChangeProposal.Status status,
            String proposedBy, String decidedBy, Long historyEntryId) {

        static State of(LevelChangeProposal p) {
            return new State(p.id(), p.employeeId(), p.proposed().describe(), p.previousLevel(), p.status(),
                    p.proposedBy(), p.decidedBy(), p.historyEntryId());
        }
    }
}
