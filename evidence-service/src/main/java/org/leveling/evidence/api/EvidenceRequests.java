package org.leveling.evidence.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;
import org.leveling.common.web.Ids;
import org.leveling.evidence.domain.Attestation;
import org.leveling.evidence.domain.Evidence;
import org.leveling.evidence.domain.EvidenceContent;
import org.leveling.evidence.domain.EvidenceKind;

/** Request and response bodies of the evidence endpoints. */
final class EvidenceRequests {

    static final String HTTP_URL = "^https?://.+";
    static final String NOT_BLANK = "(?s).*\\S.*";

    private EvidenceRequests() {
    }

    @Schema(name = "EvidenceRequest", description = "New evidence; it starts as a draft authored by the caller.")
    record CreateEvidence(
            @Schema(example = "E300") @NotNull @Pattern(regexp = Ids.EMPLOYEE_ID, message = Ids.EMPLOYEE_ID_MESSAGE)
            String subjectId,
            @Schema(example = "product-management") @NotNull @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE)
            @Size(max = 64) String frameworkKey,
            @Schema(description = "The published, not retired, framework version the evidence is pinned to.",
                    example = "1") @NotNull @Min(1) Integer frameworkVersion,
            @Schema(description = "Level or sub-level code the evidence shows.", example = "SPM") @NotBlank
            @Size(max = 32) String level,
            @Schema(example = "[\"product-definition\", \"influence\"]") @NotNull @Size(min = 1, max = 20)
            List<@NotBlank @Size(max = 64) String> competencies,
            @NotNull EvidenceKind kind,
            @Schema(example = "Launched self-serve onboarding") @NotBlank @Size(max = 200) String title,
            @Schema(description = "What happened and the person's part in it.") @NotBlank @Size(max = 20000)
            String narrative,
            @Schema(description = "What changed because of it.") @Size(max = 5000) String impact,
            @Schema(description = "http(s) links to documents, launches, dashboards.") @Size(max = 20)
            List<@NotBlank @Size(max = 2000) @URL(regexp = HTTP_URL, message = "must be an http or https URL") String> links,
            @NotNull LocalDate occurredFrom,
            @NotNull LocalDate occurredTo) {

        EvidenceContent content() {
            return new EvidenceContent(frameworkKey, frameworkVersion, level, List.copyOf(competencies), kind,
                    title.strip(), narrative, impact, links == null ? List.of() : List.copyOf(links), occurredFrom,
                    occurredTo);
        }
    }

    @Schema(name = "EvidencePatch", description = "Fields to replace in a draft; absent or null fields keep their value.")
    record PatchEvidence(
            @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE) @Size(max = 64) String frameworkKey,
            @Min(1) Integer frameworkVersion,
            @Size(min = 1, max = 32) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String level,
            @Size(min = 1, max = 20) List<@NotBlank @Size(max = 64) String> competencies,
            EvidenceKind kind,
            @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String title,
            @Size(min = 1, max = 20000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String narrative,
            @Size(max = 5000) String impact,
            @Size(max = 20)
            List<@NotBlank @Size(max = 2000) @URL(regexp = HTTP_URL, message = "must be an http or https URL") String> links,
            LocalDate occurredFrom,
            LocalDate occurredTo) {

        EvidenceContent applyTo(EvidenceContent c) {
            return new EvidenceContent(or(frameworkKey, c.frameworkKey()), or(frameworkVersion, c.frameworkVersion()),
                    or(level, c.level()), or(competencies, c.competencies()), or(kind, c.kind()),
                    or(title, c.title()).strip(), or(narrative, c.narrative()), or(impact, c.impact()),
                    or(links, c.links()), or(occurredFrom, c.occurredFrom()), or(occurredTo, c.occurredTo()));
        }

        private static <T> T or(T value, T current) {
            return value != null ? value : current;
        }
    }

    @Schema(name = "AttestationComment")
    record Comment(@Schema(description = "Required to challenge or endorse; optional to acknowledge.")
            @Size(max = 4000) String comment) {
    }

    @Schema(name = "Attestation")
    record AttestationView(String attesterId, String kind, String comment, Instant at) {

        static AttestationView of(Attestation a) {
            return new AttestationView(a.attesterId(), a.kind().name(), a.comment(), a.createdAt());
        }
    }

    @Schema(name = "Evidence")
    record EvidenceView(String id, String subjectId, String authorId, String frameworkKey, int frameworkVersion,
            String level, List<String> competencies, EvidenceKind kind, String title, String narrative, String impact,
            List<String> links, LocalDate occurredFrom, LocalDate occurredTo,
            @Schema(enumeration = {"DRAFT", "SUBMITTED", "ACKNOWLEDGED", "CHALLENGED", "WITHDRAWN"}) String status,
            long revision, Instant createdAt, Instant updatedAt, Instant submittedAt, long endorsements,
            @Schema(description = "Acknowledgement or challenge by the management chain, and peer endorsements, "
                    + "oldest first.") List<AttestationView> attestations) {

        static EvidenceView of(Evidence e, List<Attestation> attestations) {
            EvidenceContent c = e.content();
            return new EvidenceView(e.id(), e.subjectId(), e.authorId(), c.frameworkKey(), c.frameworkVersion(),
                    c.level(), c.competencies(), c.kind(), c.title(), c.narrative(), c.impact(), c.links(),
                    c.occurredFrom(), c.occurredTo(), e.status().name(), e.revision(), e.createdAt(), e.updatedAt(),
                    e.submittedAt(), attestations.stream().filter(a -> a.kind().name().equals("ENDORSED")).count(),
                    attestations.stream().map(AttestationView::of).toList());
        }

        static List<EvidenceView> of(List<Evidence> page, Map<String, List<Attestation>> attestations) {
            return page.stream().map(e -> of(e, attestations.getOrDefault(e.id(), List.of()))).toList();
        }
    }
}
