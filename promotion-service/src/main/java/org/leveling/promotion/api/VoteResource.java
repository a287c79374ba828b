package org.leveling.promotion.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leveling.common.web.Ids;
import org.leveling.promotion.domain.voting.Tally;
import org.leveling.promotion.domain.voting.Vote;
import org.leveling.promotion.domain.voting.VoteChoice;
import org.leveling.promotion.domain.voting.VotingService;

import io.quarkus.security.Authenticated;

@Path("/api/v1/nominations/{id}/votes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Votes", description = "Blind votes of a case's eligible committee members: approve, reject or abstain "
        + "with a rationale and optional notes per competency; one vote per member, changeable until the decision. "
        + "A member sees the others' votes only after casting their own; the candidate, their management chain, "
        + "the nominator and recused members never see them.")
@APIResponse(responseCode = "400", description = "Invalid input; each problem located")
@APIResponse(responseCode = "404", description = "Unknown case, or not yours to see")
public class VoteResource {

    private final VotingService voting;

    public VoteResource(VotingService voting) {
        this.voting = voting;
    }

    @Schema(name = "VoteRequest")
    record CastVote(
            @Schema(description = "APPROVE, REJECT or ABSTAIN (abstentions count for the quorum, not the majority)")
            @NotNull VoteChoice choice,
            @Schema(description = "Why; seen by the other eligible members once they have voted, never published")
            @NotBlank @Size(max = 10000) String rationale,
            @Schema(description = "Optional notes keyed by competency of the case's framework version")
            Map<@NotBlank @Size(max = 64) String, @NotBlank @Size(max = 4000) String> competencyNotes) {
    }

    @Schema(name = "Vote")
    record VoteView(String memberId, VoteChoice choice, String rationale, Map<String, String> competencyNotes,
            @Schema(description = "1 for the first vote, one more for every change") int revision, Instant castAt,
            Instant updatedAt) {
        static VoteView of(Vote v) {
            return v == null ? null : new VoteView(v.memberId(), v.choice(), v.rationale(), v.competencyNotes(),
                    v.revision(), v.castAt(), v.updatedAt());
        }
    }

    @Schema(name = "Votes")
    record VotesView(
            @Schema(description = "The members who may vote now: the committee minus everyone with a conflict of "
                    + "interest on the case, checked at this call") List<String> eligibleMembers,
            int quorum, int votesCast, boolean quorumMet,
            @Schema(description = "False when recusals and conflicts of interest leave fewer eligible members than "
                    + "the quorum: the case cannot be decided by this committee") boolean quorumReachable,
            @Schema(description = "The caller's own vote, if cast") VoteView myVote,
            @Schema(description = "False for a member who has not voted yet: tally and votes are then withheld")
            boolean visible,
            @Schema(description = "Counts by choice; null while not visible") Tally tally,
            @Schema(description = "Every eligible member's vote; null while not visible") List<VoteView> votes) {
    }

    @PUT
    @Path("/mine")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cast or change my vote (an eligible member of the case)",
            description = "While the case is IN_REVIEW (its packet arrived) and its cycle IN_REVIEW or CALIBRATING "
                    + "(else 409). Changing a vote raises its revision; once the case is decided votes are final "
                    + "(409; the database refuses changes too). Publishes org.leveling.promotions.vote-cast.v1 with "
                    + "the choice and which competencies have notes — never the rationale or the notes.")
    @APIResponse(responseCode = "201", description = "My first vote on the case",
            content = @Content(schema = @Schema(implementation = VoteView.class)))
    @APIResponse(responseCode = "200", description = "My vote, changed",
            content = @Content(schema = @Schema(implementation = VoteView.class)))
    @APIResponse(responseCode = "403", description = "Not an eligible member of the case (conflict of interest)")
    @APIResponse(responseCode = "409", description = "The case is not in review, or decided")
    public Response cast(@PathParam("id") @Pattern(regexp = Ids.UUID, message = "must be a nomination id") String id,
            @Valid @NotNull CastVote request) {
        Vote vote = voting.cast(id, request.choice(), request.rationale().strip(),
                request.competencyNotes() == null ? Map.of() : request.competencyNotes());
        return Response.status(vote.revision() == 1 ? 201 : 200).entity(VoteView.of(vote)).build();
    }

    @GET
    @Operation(summary = "The votes of a case, as far as I may see them",
            description = "An hr-admin without a conflict of interest on the case sees every vote. An eligible member "
                    + "sees how many have voted and whether the quorum is met; the tally and the others' votes only "
                    + "after casting their own (blind until cast). Only the votes of members eligible now count. "
                    + "Everyone else gets 404: the candidate, the nominator, the candidate's management chain, "
                    + "recused members and those who attested evidence in the packet, whatever roles their token "
                    + "carries.")
    @APIResponse(responseCode = "200", description = "The votes")
    public VotesView votes(@PathParam("id") @Pattern(regexp = Ids.UUID, message = "must be a nomination id") String id) {
        VotingService.Votes v = voting.of(id);
        return new VotesView(v.eligibleMembers(), v.quorum(), v.votesCast(), v.quorumMet(), v.quorumReachable(),
                VoteView.of(v.myVote()),
                v.visible(), v.tally(), v.votes() == null ? null : v.votes().stream().map(VoteView::of).toList());
    }
}
