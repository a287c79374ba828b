package org.leveling.promotion.api;

import java.time.Clock;
import java.time.Duration;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.leveling.common.web.Ids;
import org.leveling.promotion.calibration.Calibration;
import org.leveling.promotion.calibration.CalibrationChanged;
import org.leveling.promotion.calibration.CalibrationService;
import org.leveling.promotion.calibration.LiveCalibration;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

@Path("/api/v1/cycles/{id}/calibration")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Calibration", description = "Outcomes and rates of a cycle's cases by org unit, target level, track and "
        + "manager; outliers; drift against earlier cycles of the same scope. Aggregates only.")
public class CalibrationResource {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final CalibrationService calibration;
    private final LiveCalibration live;
    private final Clock clock;

    public CalibrationResource(CalibrationService calibration, LiveCalibration live, Clock clock) {
        this.calibration = calibration;
        this.live = live;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Calibration of a cycle (hr-admin, analysts, the cycle's committee members)",
            description = "Counts the cycle's submitted, not withdrawn cases as of submission (org unit, manager, "
                    + "target level and track are snapshots taken then) by the decision in force: nominations, "
                    + "decided, promoted / not promoted / deferred, overrides, promotionRate = promoted ÷ decided, "
                    + "averageReadiness = mean share of READY competencies in the packets. A group is an outlier when "
                    + "it has at least leveling.calibration.minimum-group-size cases and its rate differs from the "
                    + "cycle's by more than leveling.calibration.outlier-margin. Drift compares with earlier cycles of "
                    + "the same framework and org units (newest first). view FULL (hr-admin) shows every group; view "
                    + "AGGREGATE (analysts, committee members) suppresses groups below the minimum size (default 5) "
                    + "and, when only one group of a dimension would be, the next smallest too, so no one can be "
                    + "singled out by subtraction. Every number can be rebuilt from the leveling.promotions and "
                    + "leveling.evidence topics (docs/services/promotion-service.md).")
    @APIResponse(responseCode = "200", description = "The calibration")
    @APIResponse(responseCode = "400", description = "Not a cycle id")
    @APIResponse(responseCode = "403", description = "Neither hr-admin, analyst nor a member of the cycle's committees")
    @APIResponse(responseCode = "404", description = "Unknown cycle")
    public Calibration get(@PathParam("id") @Pattern(regexp = Ids.UUID, message = "must be a cycle id")
            String id) {
        return calibration.of(id);
    }

    @GET
    @Path("/changes")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Server-Sent Events: the cycle's calibration numbers changed (same callers as the calibration)",
            description = "A live dashboard's signal to read GET /api/v1/cycles/{id}/calibration again. The first "
                    + "element is CONNECTED (read the numbers now: a reconnecting client catches up this way); then "
                    + "one element per submission, withdrawal, decision or appeal ruling of the cycle, within a "
                    + "second of its commit, from whichever instance the client is connected to; a HEARTBEAT every "
                    + "15 s keeps proxies from closing an idle stream. An element carries the cycle, the kind of "
                    + "change and its time — no numbers and no case, so the stream never tells a caller more than "
                    + "their own view of the calibration.")
    @APIResponse(responseCode = "200", description = "The stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = CalibrationChanged.class)))
    @APIResponse(responseCode = "400", description = "Not a cycle id")
    @APIResponse(responseCode = "403", description = "Neither hr-admin, analyst nor a member of the cycle's committees")
    @APIResponse(responseCode = "404", description = "Unknown cycle")
    public Multi<CalibrationChanged> changes(@PathParam("id") @Pattern(regexp = Ids.UUID,
            message = "must be a cycle id") String id) {
        calibration.viewOf(id);
        Multi<CalibrationChanged> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> new CalibrationChanged(id, "HEARTBEAT", clock.instant()));
        Multi<CalibrationChanged> connected = Multi.createFrom()
                .item(() -> new CalibrationChanged(id, "CONNECTED", clock.instant()));
        return Multi.createBy().concatenating().streams(connected,
                Multi.createBy().merging().streams(live.of(id), heartbeats));
    }

    @POST
    @Path("/rebuild")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Recompute a cycle's calibration numbers from its cases (hr-admin)",
            description = "The numbers are kept up to date as cases change; this recomputes them from the cases "
                    + "themselves (after a restore, or to check) and answers the full calibration.")
    @APIResponse(responseCode = "200", description = "Rebuilt")
    @APIResponse(responseCode = "403", description = "Not hr-admin")
    @APIResponse(responseCode = "404", description = "Unknown cycle")
    public Calibration rebuild(@PathParam("id") @Pattern(regexp = Ids.UUID, message = "must be a cycle id")
            String id) {
        return calibration.rebuild(id);
    }
}
