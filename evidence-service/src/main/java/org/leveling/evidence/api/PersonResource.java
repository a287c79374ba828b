package org.leveling.evidence.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
import org.leveling.common.web.Cursors;
import org.leveling.common.web.Ids;
import org.leveling.common.web.Page;
import org.leveling.evidence.domain.CheckIn;
import org.leveling.evidence.domain.CheckInService;
import org.leveling.evidence.domain.readiness.Readiness;
import org.leveling.evidence.domain.readiness.ReadinessService;

import io.quarkus.security.Authenticated;

@Path("/api/v1/people/{employeeId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Check-ins and readiness", description = "Managers' check-ins with their reports, and explainable "
        + "readiness for a target level. Read by the person, their management chain, hr-admin and members of a "
        + "committee with an open nomination of the person; everyone else gets 404.")
@APIResponse(responseCode = "400", description = "Invalid input; each problem located")
@APIResponse(responseCode = "404", description = "Unknown person, or not yours to see")
public class PersonResource {

    private final CheckInService checkIns;
    private final ReadinessService readiness;

    public PersonResource(CheckInService checkIns, ReadinessService readiness) {
        this.checkIns = checkIns;
        this.readiness = readiness;
    }

    @Schema(name = "CheckInRating")
    record RatingRequest(
            @Schema(example = "influence") @NotBlank @Size(max = 64) String competency,
            @NotNull CheckIn.RatingValue rating) {
    }

    @Schema(name = "CheckInRequest")
    record CheckInRequest(
            @NotNull LocalDate date,
            @NotBlank @Size(max = 20000) String notes,
            @Schema(example = "product-management") @NotNull @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE)
            @Size(max = 64) String frameworkKey,
            @NotNull @Min(1) Integer frameworkVersion,
            @Schema(example = "PPM") @NotBlank @Size(max = 32) String targetLevel,
            @Schema(description = "One rating per competency, against the target level") @NotNull
            @Size(min = 1, max = 50) List<@Valid @NotNull RatingRequest> ratings) {
    }

    @Schema(name = "CheckIn")
    record CheckInView(String id, String subjectId, String managerId, LocalDate date, String notes,
            String frameworkKey, int frameworkVersion, String targetLevel, List<CheckIn.Rating> ratings,
            Instant recordedAt) {

        static CheckInView of(CheckIn c) {
            return new CheckInView(c.id(), c.subjectId(), c.managerId(), c.date(), c.notes(), c.frameworkKey(),
                    c.frameworkVersion(), c.targetLevel(), c.ratings(), c.recordedAt());
        }
    }

    @POST
    @Path("/check-ins")
    @Operation(summary = "Record a check-in (the person's management chain)",
            description = "Ratings are validated against the framework version (published, not retired; target level "
                    + "and competencies exist; each competency once). Publishes "
                    + "org.leveling.evidence.check-in-recorded.v1 with the ratings, not the notes.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "403", description = "Not in the person's management chain")
    public Response recordCheckIn(@PathParam("employeeId") @Pattern(regexp = Ids.EMPLOYEE_ID,
            message = Ids.EMPLOYEE_ID_MESSAGE) String employeeId, @Valid @NotNull CheckInRequest request) {
        CheckIn checkIn = checkIns.record(employeeId, new CheckInService.CheckInContent(request.date(),
                request.notes(), request.frameworkKey(), request.frameworkVersion(), request.targetLevel(),
                request.ratings().stream().map(r -> new CheckIn.Rating(r.competency(), r.rating())).toList()));
        return Response.created(URI.create("/api/v1/people/" + employeeId + "/check-ins/" + checkIn.id()))
                .entity(CheckInView.of(checkIn)).build();
    }

    @GET
    @Path("/check-ins")
    @Operation(summary = "A person's check-ins, the latest first",
            description = "By date, then by when they were recorded; paged.")
    @APIResponse(responseCode = "200", description = "A page of the history")
    public Page<CheckInView> checkIns(@PathParam("employeeId") @Pattern(regexp = Ids.EMPLOYEE_ID,
            message = Ids.EMPLOYEE_ID_MESSAGE) String employeeId,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100)
            int limit,
            @Parameter(description = "From nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200)
            String cursor) {
        CheckIn.Position after = cursor == null ? null : Cursors.decodeParts(cursor, parts -> new CheckIn.Position(
                LocalDate.parse(parts.get(0)), Instant.parse(parts.get(1)), parts.get(2)));
        return Page.of(checkIns.history(employeeId, after, limit + 1), limit, CheckInView::of,
                last -> Cursors.encodeParts(last.date(), last.recordedAt(), last.id()));
    }

    @GET
    @Path("/check-ins/{checkInId}")
    @Operation(summary = "One check-in")
    @APIResponse(responseCode = "200", description = "The check-in")
    public CheckInView checkIn(@PathParam("employeeId") @Pattern(regexp = Ids.EMPLOYEE_ID,
            message = Ids.EMPLOYEE_ID_MESSAGE) String employeeId,
            @PathParam("checkInId") @Pattern(regexp = Ids.UUID, message = "must be a check-in id")
            String checkInId) {
        return CheckInView.of(checkIns.get(employeeId, checkInId));
    }

    @GET
    @Path("/readiness")
    @Operation(summary = "Why the person is, or is not yet, ready for a target level",
            description = "Per competency of the current and target level: the expectations, the acknowledged (or "
                    + "sufficiently endorsed) evidence that covers them, the distinct quarters of target-level "
                    + "evidence, the latest check-in rating and what is missing; then READY, NOT_YET or "
                    + "INSUFFICIENT_EVIDENCE with the reasons. Rules and settings: docs/readiness.md.")
    @APIResponse(responseCode = "200", description = "The readiness")
    public Readiness readiness(
            @PathParam("employeeId") @Pattern(regexp = Ids.EMPLOYEE_ID, message = Ids.EMPLOYEE_ID_MESSAGE)
            String employeeId,
            @Parameter(description = "Level or sub-level code", example = "PPM", required = true)
            @QueryParam("targetLevel") @NotBlank @Size(max = 32) String targetLevel,
            @Parameter(description = "Defaults to the framework of the person's current level")
            @QueryParam("frameworkKey") @Pattern(regexp = Ids.KEY, message = Ids.KEY_MESSAGE) @Size(max = 64)
            String frameworkKey,
            @Parameter(description = "Defaults to the latest version that is not retired")
            @QueryParam("frameworkVersion") @Min(1) Integer frameworkVersion) {
        return readiness.forCaller(employeeId, targetLevel, frameworkKey, frameworkVersion);
    }
}
