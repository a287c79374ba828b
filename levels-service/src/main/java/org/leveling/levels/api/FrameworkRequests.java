package org.leveling.levels.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leveling.common.web.Ids;
import org.leveling.levels.domain.framework.Framework;
import org.leveling.levels.domain.framework.FrameworkDocument;
import org.leveling.levels.domain.framework.FrameworkVersion;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** Request and response bodies of the frameworks API. */
final class FrameworkRequests {

    private FrameworkRequests() {
    }

    @Schema(name = "CreateFramework")
    record CreateFramework(
            @Schema(example = "product-management") @NotNull @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE)
            @Size(max = 64) String key,
            @Schema(example = "Product Management") @NotBlank @Size(max = 200) String name,
            @Schema(example = "product-management") @NotNull @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE)
            @Size(max = 64) String jobFamily) {
    }

    @Schema(name = "VersionSummary")
    record VersionSummary(int version, Instant publishedAt, String publishedBy, Instant retiredAt) {

        static VersionSummary of(FrameworkVersion version) {
            return new VersionSummary(version.version(), version.publishedAt(), version.publishedBy(),
                    version.retiredAt());
        }
    }

    @Schema(name = "Framework")
    record FrameworkSummary(
            String key, String name, String jobFamily,
            @Schema(description = "0 until the first publish.") int latestVersion,
            @Schema(description = "The draft's revision; its ETag.") long draftRevision,
            List<VersionSummary> versions) {

        static FrameworkSummary of(Framework framework, List<FrameworkVersion> versions) {
            return new FrameworkSummary(framework.key(), framework.name(), framework.jobFamily(),
                    framework.latestVersion(), framework.draftRevision(), versions.stream().map(VersionSummary::of).toList());
        }
    }

    @Schema(name = "FrameworkDraft")
    record Draft(String frameworkKey, long revision, FrameworkDocument document) {
    }

    @Schema(name = "FrameworkVersion")
    record PublishedVersion(String frameworkKey, String name, String jobFamily, int version, Instant publishedAt,
            String publishedBy, Instant retiredAt,
            // The stored JSON as it is: a published document never changes, so it is not parsed and
            // written again on every read.
            @Schema(implementation = FrameworkDocument.class) @JsonRawValue String document) {
    }
}
