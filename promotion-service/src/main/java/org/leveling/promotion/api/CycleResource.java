package org.leveling.promotion.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.leveling.common.security.Roles;
import org.leveling.common.web.Ids;
import org.leveling.common.web.IfMatch;
import org.leveling.promotion.domain.cycle.Cycle;
import org.leveling.promotion.domain.cycle.CycleService;
import org.leveling.promotion.domain.cycle.CycleState;

import io.quarkus.security.Authenticated;

@Path("/api/v1/cycles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Cycles", description = "Promotion cycles: planned → nominations open → in review → calibrating → "
        + "closed. hr-admin plans and moves them; every authenticated caller reads them.")
@APIResponse(responseCode = "400", description = "Invalid input; each problem located")
public class CycleResource {

    private static final String ID_MESSAGE = "must be a cycle id";

    private final CycleService cycles;

    public CycleResource(CycleService cycles) {
        this.cycles = cycles;
    }

    @Schema(name = "CycleWindows", description = "Nominations, then review, then calibration; each from ≤ to, in order.")
    record Windows(@NotNull LocalDate nominationsFrom, @NotNull LocalDate nominationsTo,
            @NotNull LocalDate reviewFrom, @NotNull LocalDate reviewTo, @NotNull LocalDate calibrationFrom,
            @NotNull LocalDate calibrationTo) {

        Cycle.Windows asWindows() {
            return new Cycle.Windows(nominationsFrom, nominationsTo, reviewFrom, reviewTo, calibrationFrom,
                    calibrationTo);
        }
    }

    @Schema(name = "CycleRequest")
    record PlanCycle(
            @Schema(example = "2026 H2 Product promotions") @NotBlank @Size(max = 200) String name,
            @Schema(example = "product-management") @NotNull @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE)
            @Size(max = 64) String frameworkKey,
            @Schema(example = "[\"Product - Payments\", \"Product - Growth\"]") @NotNull @Size(min = 1, max = 50)
            List<@NotBlank @Size(max = 100) String> orgUnits,
            @NotNull @Valid Windows windows) {
    }

    @Schema(name = "CycleTransitionRequest")
    record TransitionRequest(@NotNull CycleState.Action action) {
    }

    @Schema(name = "CycleTransition")
    record TransitionView(String from, String to, Instant at, String by) {
    }

    @Schema(name = "Cycle")
    record CycleView(String id, String name, String frameworkKey, List<String> orgUnits, Cycle.Windows windows,
            CycleState state, long revision, Instant createdAt, String createdBy, Instant updatedAt,
            @Schema(description = "Only on GET /cycles/{id}: every transition, oldest first.")
            List<TransitionView> transitions) {

        static CycleView of(Cycle c, List<CycleService.Transition> history) {
            return new CycleView(c.id(), c.name(), c.frameworkKey(), c.orgUnits(), c.windows(), c.state(),
                    c.revision(), c.createdAt(), c.createdBy(), c.updatedAt(), history == null ? null
                            : history.stream().map(t -> new TransitionView(t.from(), t.to(), t.at(), t.by())).toList());
        }
    }

    @POST
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Plan a cycle (hr-admin)",
            description = "The framework must have a current published version known to this service. Publishes "
                    + "org.leveling.promotions.cycle-transitioned.v1 with from = null, to = PLANNED.")
    @APIResponse(responseCode = "201", description = "Planned",
            content = @Content(schema = @Schema(implementation = CycleView.class)))
    public Response plan(@Valid @NotNull PlanCycle request) {
        Cycle cycle = cycles.plan(request.name().strip(), request.frameworkKey(), request.orgUnits(),
                request.windows().asWindows());
        return Response.created(URI.create("/api/v1/cycles/" + cycle.id()))
                .tag(IfMatch.etag(cycle.revision()))
                .entity(CycleView.of(cycle, cycles.history(cycle.id()))).build();
    }

    @GET
    @Operation(summary = "Cycles, the most recently planned first")
    @APIResponse(responseCode = "200", description = "Up to limit cycles (a bounded list, not paged)")
    public List<CycleView> list(
            @Parameter(description = "Only cycles of this framework") @QueryParam("frameworkKey")
            @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE) String frameworkKey,
            @Parameter(description = "Only cycles in this state") @QueryParam("state") CycleState state,
            @Parameter(description = "At most, 1 to 100") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100)
            int limit) {
        return cycles.list(frameworkKey, state, limit).stream().map(c -> CycleView.of(c, null)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A cycle with its transitions")
    @APIResponse(responseCode = "200", description = "The cycle; its ETag is the revision to send as If-Match")
    @APIResponse(responseCode = "404", description = "Unknown cycle")
    public RestResponse<CycleView> get(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id) {
        return view(cycles.get(id));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Move a cycle one step (hr-admin)",
            description = "OPEN_NOMINATIONS (from PLANNED), START_REVIEW (from NOMINATIONS_OPEN), CALIBRATE (from "
                    + "IN_REVIEW), CLOSE (from CALIBRATING). Anything else — a skip, a step back, any action on a "
                    + "closed cycle — is a 409. Publishes org.leveling.promotions.cycle-transitioned.v1.")
    @APIResponse(responseCode = "200", description = "The cycle in its new state")
    @APIResponse(responseCode = "409", description = "Not allowed from the current state")
    public RestResponse<CycleView> transition(@PathParam("id") @Pattern(regexp = Ids.UUID, message = ID_MESSAGE) String id,
            @Valid @NotNull TransitionRequest request) {
        return view(cycles.transition(id, request.action()));
    }

    private RestResponse<CycleView> view(Cycle cycle) {
        return IfMatch.tagged(CycleView.of(cycle, cycles.history(cycle.id())), cycle.revision());
    }
}
