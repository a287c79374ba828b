package org.leveling.levels.api;

import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leveling.common.web.Ids;
import org.leveling.levels.domain.LevelAssignment;
import org.leveling.levels.domain.LevelChange;

@Schema(name = "LevelChange", description = "A new entry of a person's level history.")
public record LevelChangeRequest(
        @Schema(example = "product-management") @NotNull @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE)
        String frameworkKey,
        @Schema(example = "1") @NotNull @Min(1) Integer frameworkVersion,
        @Schema(description = "Level or sub-level code of that version.", example = "SPM-II") @NotNull
        @Size(min = 1, max = 32) String level,
        @Schema(example = "2026-12-01") @NotNull LocalDate effectiveFrom,
        @NotNull LevelAssignment.Reason reason,
        @Schema(description = "What caused it, e.g. a promotion decision id.") @Size(max = 255) String sourceRef) {

    LevelChange toChange() {
        return new LevelChange(frameworkKey, frameworkVersion, level, effectiveFrom, reason,
                sourceRef);
    }
}
