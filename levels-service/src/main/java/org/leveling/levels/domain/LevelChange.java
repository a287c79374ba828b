package org.leveling.levels.domain;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What a level history entry says: this level of this framework version, from this date, for this
 * reason and source. Embedded alike in an entry ({@link LevelAssignment}) and in a proposal of one
 * ({@link LevelChangeProposal}), so that what is proposed is what gets appended.
 */
@Embeddable
public record LevelChange(
        @Column(name = "framework_key", updatable = false) String frameworkKey,
        @Column(name = "framework_version", updatable = false) int frameworkVersion,
        @Column(name = "level_code", updatable = false) String level,
        @Column(name = "effective_from", updatable = false) LocalDate effectiveFrom,
        @Enumerated(EnumType.STRING) @Column(updatable = false) LevelAssignment.Reason reason,
        @Column(name = "source_ref", updatable = false) String sourceRef) {

    /** The same change with {@code sourceRef} when it names no source of its own. */
    LevelChange sourcedBy(String sourceRef) {
        return this.sourceRef != null ? this : new LevelChange(frameworkKey, frameworkVersion, level, effectiveFrom,
                reason, sourceRef);
    }

    /** How the audit trail names the change: {@code product-management/1/PPM from 2026-12-01 (PROMOTION)}. */
    String describe() {
        return frameworkKey + "/" + frameworkVersion + "/" + level + " from " + effectiveFrom + " (" + reason + ")";
    }
}
