package org.leveling.levels.api;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leveling.levels.domain.LevelAssignment;

@Schema(name = "LevelHistoryEntry")
public record LevelHistoryEntry(long id, String frameworkKey, int frameworkVersion, String level,
        LocalDate effectiveFrom, LevelAssignment.Reason reason, String sourceRef, Instant recordedAt,
        String recordedBy) {

    static LevelHistoryEntry of(LevelAssignment entry) {
        return new LevelHistoryEntry(entry.id(), entry.frameworkKey(), entry.frameworkVersion(), entry.level(),
                entry.effectiveFrom(), entry.reason(), entry.sourceRef(), entry.recordedAt(), entry.recordedBy());
    }
}
