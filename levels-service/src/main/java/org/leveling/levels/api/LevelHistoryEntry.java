package org.leveling.levels.api;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leveling.levels.domain.LevelAssignment;
import org.leveling.levels.domain.LevelChange;

@Schema(name = "LevelHistoryEntry")
public record LevelHistoryEntry(long id, String frameworkKey, int frameworkVersion, String level,
        LocalDate effectiveFrom, LevelAssignment.Reason reason, String sourceRef, Instant recordedAt,
        String recordedBy) {

    static LevelHistoryEntry of(LevelAssignment entry) {
        LevelChange change = entry.change();
        return new LevelHistoryEntry(entry.id(), change.frameworkKey(), change.frameworkVersion(), change.level(),
                change.effectiveFrom(), change.reason(), change.sourceRef(), entry.recordedAt(), entry.recordedBy());
    }
}
