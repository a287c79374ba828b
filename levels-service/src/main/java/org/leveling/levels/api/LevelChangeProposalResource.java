package org.leveling.levels.api;

import java.time.Instant;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leveling.common.security.Roles;
import org.leveling.common.web.Cursors;
import org.leveling.common.web.Ids;
import org.leveling.common.web.Page;
import org.leveling.levels.domain.LevelChangeProposal;
import org.leveling.levels.domain.LevelChangeProposalService;

@Path("/api/v1/level-change-proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.HR_ADMIN)
@Tag(name = "Level change proposals", description = "The two-person rule: a manual level change (PROMOTION, "
        + "TRANSFER or CORRECTION through POST /people/{employeeId}/level-history) is proposed by one hr-admin and "
        + "applied only when a second hr-admin approves it, one who is neither the proposer, nor the person, nor in "
        + "the person's management chain. hr-admin only.")
@APIResponse(responseCode = "400", description = "Invalid parameter or body; each problem located")
@APIResponse(responseCode = "403", description = "Not hr-admin")
public class LevelChangeProposalResource {

    static final int MAX_PAGE_SIZE = 100;
    private static final String PROPOSAL_ID_MESSAGE = "must be a level change proposal id";

    private final LevelChangeProposalService proposals;

    public LevelChangeProposalResource(LevelChangeProposalService proposals) {
        this.proposals = proposals;
    }

    @Schema(name = "LevelChangeRejection")
    public record Rejection(
            @Schema(description = "Why; kept with the proposal, never published.",
                    example = "The promotion goes through the 2026 H2 cycle.") @NotBlank @Size(max = 2000) String reason) {
    }

    @GET
    @Operation(summary = "Proposed and decided level changes (hr-admin)",
            description = "Oldest first; filter by status and by person.")
    @APIResponse(responseCode = "200", description = "A page")
    public Page<LevelChangeProposalView> list(
            @Parameter(description = "Only proposals in this status") @QueryParam("status")
            LevelChangeProposal.Status status,
            @Parameter(description = "Only proposals about this person", example = "E300") @QueryParam("employeeId")
            @Pattern(regexp = Ids.EMPLOYEE_ID, message = Ids.EMPLOYEE_ID_MESSAGE) String employeeId,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("50") @Min(1)
            @Max(MAX_PAGE_SIZE) int limit,
            @Parameter(description = "From nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200)
            String cursor) {
        LevelChangeProposalService.Position after = cursor == null ? null : Cursors.decodeParts(cursor,
                parts -> new LevelChangeProposalService.Position(Instant.parse(parts.get(0)), parts.get(1)));
        return Page.of(proposals.list(status, employeeId, after, limit + 1), limit, LevelChangeProposalView::of,
                last -> Cursors.encodeParts(last.proposedAt(), last.id()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One level change proposal (hr-admin)")
    @APIResponse(responseCode = "200", description = "The proposal")
    @APIResponse(responseCode = "404", description = "Unknown proposal")
    public LevelChangeProposalView get(@PathParam("id") @Pattern(regexp = Ids.UUID, message = PROPOSAL_ID_MESSAGE)
            String id) {
        return LevelChangeProposalView.of(proposals.get(id));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Approve a proposed level change (a second hr-admin)",
            description = "Appends the entry to the person's level history and publishes "
                    + "org.leveling.people.level-changed.v1, then org.leveling.people.level-change-proposal-decided.v1. "
                    + "The change is checked again against the history as it is now: if another entry was appended "
                    + "since the proposal, or the version was retired, 409 and nothing changes.")
    @APIResponse(responseCode = "200", description = "Approved; historyEntryId names the new entry")
    @APIResponse(responseCode = "403", description = "Not hr-admin; the proposer; the person; in the person's "
            + "management chain")
    @APIResponse(responseCode = "404", description = "Unknown proposal")
    @APIResponse(responseCode = "409", description = "Already decided, or no longer fits the history")
    public LevelChangeProposalView approve(@PathParam("id") @Pattern(regexp = Ids.UUID,
            message = PROPOSAL_ID_MESSAGE) String id) {
        return LevelChangeProposalView.of(proposals.approve(id));
    }

    @POST
    @Path("/{id}/reject")
    @Operation(summary = "Reject a proposed level change (hr-admin)",
            description = "The history is not touched. Publishes org.leveling.people.level-change-proposal-decided.v1 "
                    + "without the reason. The proposer may reject (withdraw) their own proposal; anyone else needs the "
                    + "same freedom from conflicts as for an approval.")
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(responseCode = "403", description = "Not hr-admin; the person; in the person's management chain")
    @APIResponse(responseCode = "404", description = "Unknown proposal")
    @APIResponse(responseCode = "409", description = "Already decided")
    public LevelChangeProposalView reject(@PathParam("id") @Pattern(regexp = Ids.UUID,
            message = PROPOSAL_ID_MESSAGE) String id, @Valid @NotNull Rejection rejection) {
        return LevelChangeProposalView.of(proposals.reject(id, rejection.reason().strip()));
    }
}
