package org.leveling.promotion.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

/**
 * What the committee web UI needs to know of the deployment: where evidence-service answers, which
 * the packet view calls with the member's own token to show the evidence narratives (the packet
 * itself carries none).
 */
@Path("/api/v1/ui-settings")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Committee web UI")
public class UiSettingsResource {

    @Schema(name = "UiSettings")
    public record UiSettings(
            @Schema(description = "Base URL of evidence-service as the browser reaches it (EVIDENCE_SERVICE_URL); "
                    + "its CORS_ORIGINS must allow this service's origin.", example = "http://localhost:8082")
            String evidenceServiceUrl) {
    }

    private final UiSettings settings;

    public UiSettingsResource(@ConfigProperty(name = "leveling.ui.evidence-service-url") String evidenceServiceUrl) {
        this.settings = new UiSettings(evidenceServiceUrl.replaceAll("/+$", ""));
    }

    @GET
    @Operation(summary = "Settings of the committee web UI", description = "Any signed-in user.")
    @APIResponse(responseCode = "200", description = "The settings")
    public UiSettings get() {
        return settings;
    }
}
