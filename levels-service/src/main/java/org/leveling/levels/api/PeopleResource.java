package org.leveling.levels.api;

import java.net.URI;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.leveling.common.web.Cursors;
import org.leveling.common.web.Ids;
import org.leveling.common.web.IfMatch;
import org.leveling.common.web.Page;
import org.leveling.levels.domain.LevelChange;
import org.leveling.levels.domain.LevelChangeProposal;
import org.leveling.levels.domain.LevelChangeProposalService;
import org.leveling.levels.domain.LevelHistoryService;
import org.leveling.levels.domain.PeopleService;
import org.leveling.levels.domain.Person;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.Authenticated;

@Path("/api/v1/people")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "People", description = "The people directory: who exists and who manages whom.")
public class PeopleResource {

    static final int MAX_PAGE_SIZE = 100;

    private final PeopleService people;
    private final LevelHistoryService levels;
    private final LevelChangeProposalService proposals;
    private final PeopleImport importer;

    public PeopleResource(PeopleService people, LevelHistoryService levels, LevelChangeProposalService proposals,
            PeopleImport importer) {
        this.people = people;
        this.levels = levels;
        this.proposals = proposals;
        this.importer = importer;
    }

    private static final String IMPORT_DESCRIPTION = "Upserts many people at once, each row like PUT "
            + "/people/{employeeId}. Per row: valid rows are applied (all in one transaction, each publishing its "
            + "person-upserted event), invalid ones are reported with their reasons and change nothing. Managers may "
            + "come in the same import, in any order; a manager that is unknown, rejected, or forms a reporting cycle "
            + "rejects the row. A row about the caller is rejected: nobody imports their own record. An unknown field "
            + "(JSON property or CSV column) is reported on the row, named. At most " + PeopleImport.MAX_ROWS + " rows.";

    @POST
    @Path("/import")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Import people from a JSON array (hr-admin)", description = IMPORT_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The per-row report")
    public PeopleImport.Report importJson(@NotNull JsonNode body) {
        return PeopleImport.Report.of(people.importPeople(importer.fromJson(body)));
    }

    @POST
    @Path("/import")
    @Consumes("text/csv")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Import people from CSV (hr-admin)", description = IMPORT_DESCRIPTION
            + " The first line names the columns: employeeId,name,email,managerId,orgUnit,jobFamily,track.")
    @APIResponse(responseCode = "200", description = "The per-row report")
    public PeopleImport.Report importCsv(@NotNull String body) {
        return PeopleImport.Report.of(people.importPeople(importer.fromCsv(body)));
    }

    @PUT
    @Path("/{employeeId}")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Create or replace a person (hr-admin)",
            description = "Upserts the directory entry of one person. A change publishes "
                    + "org.leveling.people.person-upserted.v1 on leveling.levels.people; an identical upsert "
                    + "changes nothing and publishes nothing. The manager must exist and must not report to "
                    + "this person. Nobody changes their own manager, org unit or track, whatever their roles.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = PersonResponse.class)))
    @APIResponse(responseCode = "200", description = "Updated, or unchanged",
            content = @Content(schema = @Schema(implementation = PersonResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, unknown manager or a reporting cycle")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not hr-admin, or a change of the caller's own manager, org unit "
            + "or track")
    @APIResponse(responseCode = "409", description = "Created concurrently by another request; retry")
    public Response upsert(
            @PathParam("employeeId") @Pattern(regexp = Ids.EMPLOYEE_ID, message = Ids.EMPLOYEE_ID_MESSAGE)
            String employeeId,
            @Valid @NotNull PersonRequest request) {
        PeopleService.Upserted result = people.upsert(employeeId, request.toDetails());
        Response.ResponseBuilder response = result.created()
                ? Response.created(URI.create("/api/v1/people/" + employeeId))
                : Response.ok();
        return response.tag(IfMatch.etag(result.person().revision()))
                .entity(PersonResponse.of(result.person(), levels.currentLevel(employeeId))).build();
    }

    @GET
    @Path("/{employeeId}")
    @Authenticated
    @Operation(summary = "Read a person",
            description = "Visible to the person, anyone in their management chain, and hr-admin. Anyone else "
                    + "gets the same 404 as for an unknown id.")
    @APIResponse(responseCode = "200", description = "The person")
    @APIResponse(responseCode = "404", description = "No such person, or not visible to the caller")
    public RestResponse<PersonResponse> get(@PathParam("employeeId") @Pattern(regexp = Ids.EMPLOYEE_ID, message = Ids.EMPLOYEE_ID_MESSAGE)
            String employeeId) {
        Person person = people.get(employeeId);
        return IfMatch.tagged(PersonResponse.of(person, levels.currentLevel(employeeId)), person.revision());
    }

    @GET
    @Path("/{employeeId}/reports")
    @Authenticated
    @Operation(summary = "Everyone below a person",
            description = "The whole reporting chain below, nearest first (depth 1 = direct reports, then by employee "
                    + "id), paged. Visible to the person, their management chain and hr-admin; anyone else gets the "
                    + "same 404 as for an unknown id.")
    @APIResponse(responseCode = "200", description = "A page of everyone below, nearest first")
    @APIResponse(responseCode = "400", description = "Invalid employee id, limit or cursor")
    @APIResponse(responseCode = "404", description = "No such person, or not visible to the caller")
    public Page<PeopleService.Report> reports(
            @PathParam("employeeId") @Pattern(regexp = Ids.EMPLOYEE_ID, message = Ids.EMPLOYEE_ID_MESSAGE)
            String employeeId,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("50") @Min(1)
            @Max(MAX_PAGE_SIZE) int limit,
            @Parameter(description = "From nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200)
            String cursor) {
        PeopleService.ReportPosition after = cursor == null ? null : Cursors.decodeParts(cursor,
                parts -> new PeopleService.ReportPosition(Integer.parseInt(parts.get(0)), parts.get(1)));
        return Page.of(people.reports(employeeId, after, limit + 1), limit, report -> report,
                last -> Cursors.encodeParts(last.depth(), last.employeeId()));
    }

    @GET
    @Path("/{employeeId}/level-history")
    @Authenticated
    @Operation(summary = "A person's level history",
            description = "Oldest first (by effective date), paged. The latest entry effective on or before today is "
                    + "the current level; entries may be dated ahead. Visible to the person, their management chain "
                    + "and hr-admin only; anyone else gets the same 404 as for an unknown id.")
    @APIResponse(responseCode = "200", description = "A page of the history")
    @APIResponse(responseCode = "400", description = "Invalid employee id, limit or cursor")
    @APIResponse(responseCode = "404", description = "No such person, or not visible to the caller")
    public Page<LevelHistoryEntry> levelHistory(
            @PathParam("employeeId") @Pattern(regexp = Ids.EMPLOYEE_ID, message = Ids.EMPLOYEE_ID_MESSAGE)
            String employeeId,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("50") @Min(1)
            @Max(MAX_PAGE_SIZE) int limit,
            @Parameter(description = "From nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200)
            String cursor) {
        LevelHistoryService.Position after = cursor == null ? null : Cursors.decodeParts(cursor,
                parts -> new LevelHistoryService.Position(LocalDate.parse(parts.get(0)), Long.parseLong(parts.get(1))));
        return Page.of(levels.history(employeeId, after, limit + 1), limit, LevelHistoryEntry::of,
                last -> Cursors.encodeParts(last.effectiveFrom(), last.id()));
    }

    @POST
    @Path("/{employeeId}/level-history")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Record a level (INITIAL) or propose a level change (hr-admin)",
            description = "Reason INITIAL, a person's first level in a framework, is appended at once (once per person "
                    + "and framework) and publishes org.leveling.people.level-changed.v1. Any other reason (PROMOTION, "
                    + "TRANSFER, CORRECTION) is a proposal under the two-person rule: 202 with the proposal, which a "
                    + "second hr-admin approves or rejects under /level-change-proposals/{id}; it publishes "
                    + "org.leveling.people.level-change-proposed.v1 and leaves the history as it is. Either way the "
                    + "level must exist in a published, unretired framework version, entries are appended in date "
                    + "order, and nobody writes their own history.")
    @APIResponse(responseCode = "201", description = "INITIAL: appended",
            content = @Content(schema = @Schema(implementation = LevelHistoryEntry.class)))
    @APIResponse(responseCode = "202", description = "PROMOTION, TRANSFER or CORRECTION: proposed; Location names the "
            + "proposal", content = @Content(schema = @Schema(implementation = LevelChangeProposalView.class)))
    @APIResponse(responseCode = "400", description = "Unknown level or version, a retired version, or a date before "
            + "the latest entry")
    @APIResponse(responseCode = "403", description = "Not hr-admin, or the caller's own history")
    @APIResponse(responseCode = "404", description = "No such person")
    @APIResponse(responseCode = "409", description = "A second INITIAL in the framework, or the person already has an "
            + "open proposal")
    public Response appendLevel(
            @PathParam("employeeId") @Pattern(regexp = Ids.EMPLOYEE_ID, message = Ids.EMPLOYEE_ID_MESSAGE)
            String employeeId,
            @Valid @NotNull LevelChangeRequest request) {
        LevelChange change = request.toChange();
        if (change.reason().needsSecondPerson()) {
            LevelChangeProposal proposal = proposals.propose(employeeId, change);
            return Response.accepted(LevelChangeProposalView.of(proposal))
                    .location(URI.create("/api/v1/level-change-proposals/" + proposal.id())).build();
        }
        LevelHistoryEntry entry = LevelHistoryEntry.of(levels.appendInitial(employeeId, change));
        return Response.created(URI.create("/api/v1/people/" + employeeId + "/level-history")).entity(entry).build();
    }

}
