package org.leveling.levels.api;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leveling.levels.domain.LevelAssignment;
import org.leveling.levels.domain.LevelChange;
import org.leveling.levels.domain.LevelChangeProposal;

@Schema(name = "LevelChangeProposal", description = "A manual level change waiting for, or decided by, a second "
        + "hr-admin (two-person rule).")
public record LevelChangeProposalView(
        @Schema(example = "3f0c2a9e-6b1d-4c8e-9a2f-5d7b1e3c9a40") String id,
        @Schema(example = "E300") String employeeId,
        @Schema(example = "product-management") String frameworkKey,
        @Schema(example = "1") int frameworkVersion,
        @Schema(example = "PPM") String level,
        @Schema(example = "2026-12-01") LocalDate effectiveFrom,
        LevelAssignment.Reason reason,
        String sourceRef,
        @Schema(description = "The person's latest level when proposed; null when the history was empty.",
                example = "SPM-II") String previousLevel,
        LevelChangeProposal.Status status,
        @Schema(example = "HR1") String proposedBy,
        Instant proposedAt,
        @Schema(description = "Who approved or rejected it; null while PROPOSED.", example = "HR2") String decidedBy,
        Instant decidedAt,
        @Schema(description = "Only when REJECTED.") String rejectionReason,
        @Schema(description = "The history entry the approval appended; null unless APPROVED.") Long historyEntryId) {

    static LevelChangeProposalView of(LevelChangeProposal p) {
        LevelChange c = p.proposed();
        return new LevelChangeProposalView(p.id(), p.employeeId(), c.frameworkKey(), c.frameworkVersion(), c.level(),
                c.effectiveFrom(), c.reason(), c.sourceRef(), p.previousLevel(), p.status(), p.proposedBy(),
                p.proposedAt(), p.decidedBy(), p.decidedAt(), p.rejectionReason(), p.historyEntryId());
    }
}
