package org.leveling.levels.domain.framework;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A whole career ladder: tracks, their ordered levels (with optional sub-levels), competencies,
 * what each competency looks like at each level, equivalences between tracks and other
 * companies' titles. Field shapes are checked by bean validation, the references between parts by
 * {@link FrameworkRules}.
 */
@Schema(name = "FrameworkDocument", description = "The whole ladder, edited as one draft and published as one version.")
public record FrameworkDocument(
        @NotNull @Size(max = 10) List<@Valid @NotNull Track> tracks,
        @NotNull @Size(max = 100) List<@Valid @NotNull Level> levels,
        @NotNull @Size(max = 50) List<@Valid @NotNull Competency> competencies,
        @NotNull @Size(max = 2000) List<@Valid @NotNull Expectation> expectations,
        @NotNull @Size(max = 100) List<@Valid @NotNull Equivalence> equivalences,
        @NotNull @Size(max = 500) List<@Valid @NotNull ExternalMapping> externalMappings) {

    static final String KEY = "[a-z][a-z0-9-]{0,63}";
    static final String KEY_MESSAGE = "must be lowercase letters, digits and dashes, starting with a letter";
    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}";
    static final String CODE_MESSAGE = "must be 1-32 letters, digits, '.', '_' or '-', starting with a letter or digit";

    public static FrameworkDocument empty() {
        return new FrameworkDocument(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @JsonIgnore
    public boolean isEmpty() {
        return levels.isEmpty();
    }

    public enum TrackKind { IC, MANAGEMENT }

    @Schema(name = "Track")
    public record Track(
            @Schema(example = "ic") @NotNull @Pattern(regexp = KEY, message = KEY_MESSAGE) String key,
            @Schema(example = "Individual contributor") @NotBlank @Size(max = 100) String name,
            @NotNull TrackKind kind) {
    }

    @Schema(name = "Level")
    public record Level(
            @Schema(example = "SPM") @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @Schema(example = "Senior Product Manager") @NotBlank @Size(max = 100) String title,
            @Schema(example = "ic") @NotNull String track,
            @Schema(description = "Position within the track, 1 = most junior; 1..n without gaps.", example = "2")
            @NotNull @Min(1) @Max(100) Integer order,
            @Schema(description = "What operating at this level means, in a few sentences.") @NotBlank @Size(max = 4000)
            String summary,
            @NotNull @Size(max = 10) List<@Valid @NotNull SubLevel> subLevels) {
    }

    @Schema(name = "SubLevel", description = "E.g. Senior PM I and II within Senior PM.")
    public record SubLevel(
            @Schema(example = "SPM-II") @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @Schema(example = "Senior Product Manager II") @NotBlank @Size(max = 100) String title) {
    }

    @Schema(name = "Competency")
    public record Competency(
            @Schema(example = "product-definition") @NotNull @Pattern(regexp = KEY, message = KEY_MESSAGE) String key,
            @Schema(example = "Product definition") @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 4000) String description) {
    }

    @Schema(name = "Expectation", description = "What a competency looks like at a level.")
    public record Expectation(
            @Schema(example = "SPM") @NotNull String level,
            @Schema(example = "product-definition") @NotNull String competency,
            @NotBlank @Size(max = 4000) String description,
            @Schema(description = "Observable examples.") @NotNull @Size(max = 20)
            List<@NotBlank @Size(max = 1000) String> examples) {
    }

    @Schema(name = "Equivalence", description = "Two levels of different tracks that are equivalent.")
    public record Equivalence(
            @Schema(example = "PPM") @NotNull String level,
            @Schema(example = "DIR") @NotNull String equivalentLevel) {
    }

    @Schema(name = "ExternalMapping", description = "Another company's title that corresponds to one of our levels.")
    public record ExternalMapping(
            @Schema(example = "Acme Corp") @NotBlank @Size(max = 100) String company,
            @Schema(example = "Product Manager III") @NotBlank @Size(max = 100) String title,
            @Schema(example = "SPM") @NotNull String level,
            @Schema(example = "levels.fyi, 2026") @Size(max = 200) String source,
            @Size(max = 1000) String note) {
    }
}
