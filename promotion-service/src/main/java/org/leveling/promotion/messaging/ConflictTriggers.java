package org.leveling.promotion.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.leveling.common.changes.EventCause;
import org.leveling.common.inbox.EventHandler;
import org.leveling.common.people.DirectoryPersonChanged;
import org.leveling.promotion.domain.nomination.CaseEligibility;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The events after which a committee member may have become conflicted on an open case: a person
 * changed in levels-service (their manager, so everyone's chain below them), and an acknowledgement
 * or endorsement of evidence in evidence-service (the attester of evidence in a packet).
 */
@ApplicationScoped
public class ConflictTriggers {

    static final String ACKNOWLEDGED = "org.leveling.evidence.acknowledged.v1";
    static final String ENDORSED = "org.leveling.evidence.endorsed.v1";

    /**
     * The part of {@code org.leveling.evidence.acknowledged.v1} / {@code .endorsed.v1} read here
     * (schemas in docs/events/, produced by evidence-service).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EvidenceAttested(@NotBlank String evidenceId, @NotBlank String attesterId,
            @NotNull Instant attestedAt) {
    }

    private final CaseEligibility eligibility;

    public ConflictTriggers(CaseEligibility eligibility) {
        this.eligibility = eligibility;
    }

    /** In the inbox transaction that applied the person event. */
    void personChanged(@Observes DirectoryPersonChanged change) {
        eligibility.personChanged(change.employeeId(),
                new EventCause("levels-service", change.eventType(), change.eventId()));
    }

    @Produces
    @ApplicationScoped
    EventHandler<EvidenceAttested> acknowledged() {
        return attestation(ACKNOWLEDGED, "ACKNOWLEDGED");
    }

    @Produces
    @ApplicationScoped
    EventHandler<EvidenceAttested> endorsed() {
        return attestation(ENDORSED, "ENDORSED");
    }

    private EventHandler<EvidenceAttested> attestation(String type, String kind) {
        return EventHandler.of(Topics.EVIDENCE, type, EvidenceAttested.class, (event, attested) ->
                eligibility.evidenceAttested(attested.evidenceId(), attested.attesterId(), kind, attested.attestedAt(),
                        new EventCause("evidence-service", type, event.id())));
    }
}
