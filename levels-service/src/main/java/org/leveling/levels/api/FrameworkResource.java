package org.leveling.levels.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.leveling.common.problem.ProblemException;
import org.leveling.common.security.Roles;
import org.leveling.common.web.Cursors;
import org.leveling.common.web.IfMatch;
import org.leveling.common.web.Page;
import org.leveling.levels.api.FrameworkRequests.CreateFramework;
import org.leveling.levels.api.FrameworkRequests.Draft;
import org.leveling.levels.api.FrameworkRequests.FrameworkSummary;
import org.leveling.levels.api.FrameworkRequests.PublishedVersion;
import org.leveling.levels.domain.framework.Framework;
import org.leveling.levels.domain.framework.FrameworkDiff;
import org.leveling.levels.domain.framework.FrameworkDocument;
import org.leveling.levels.domain.framework.FrameworkService;
import org.leveling.levels.domain.framework.FrameworkVersion;
import org.leveling.levels.domain.framework.PublishedVersions;
import org.leveling.levels.domain.framework.SuccessGuide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;

@Path("/api/v1/frameworks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Frameworks", description = "Career ladders: an editable draft per job family, published as immutable "
        + "versions. hr-admin edits; every authenticated caller reads.")
@APIResponse(responseCode = "400", description = "Invalid input; each problem located")
@APIResponse(responseCode = "404", description = "Unknown framework or version")
public class FrameworkResource {

    private final FrameworkService frameworks;
    private final PublishedVersions publishedVersions;

    private final ObjectMapper json;

    public FrameworkResource(FrameworkService frameworks, PublishedVersions publishedVersions, ObjectMapper json) {
        this.frameworks = frameworks;
        this.publishedVersions = publishedVersions;
        this.json = json;
    }

    @POST
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Create a framework (hr-admin)", description = "Starts with an empty draft.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = FrameworkSummary.class)))
    @APIResponse(responseCode = "409", description = "The key exists")
    public Response create(@Valid @NotNull CreateFramework request) {
        Framework framework = frameworks.create(request.key(), request.name().strip(), request.jobFamily());
        return Response.created(URI.create("/api/v1/frameworks/" + framework.key()))
                .entity(FrameworkSummary.of(framework, List.of())).build();
    }

    @GET
    @Operation(summary = "List frameworks", description = "Ordered by key; follow nextCursor for more.")
    @APIResponse(responseCode = "200", description = "A page of frameworks")
    public Page<FrameworkSummary> list(
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100)
            int limit,
            @Parameter(description = "From nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200)
            String cursor) {
        return Page.of(frameworks.list(limit + 1, cursor == null ? null : Cursors.decode(cursor)), limit,
                f -> FrameworkSummary.of(f, frameworks.versions(f.key())), summary -> Cursors.encode(summary.key()));
    }

    @GET
    @Path("/{key}")
    @Operation(summary = "Read a framework", description = "Its identity, draft revision and published versions.")
    @APIResponse(responseCode = "200", description = "The framework")
    public FrameworkSummary get(@PathParam("key") String key) {
        return FrameworkSummary.of(frameworks.get(key), frameworks.versions(key));
    }

    @GET
    @Path("/{key}/draft")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Read the draft (hr-admin)", description = "Its ETag goes into If-Match of the next PUT.")
    @APIResponse(responseCode = "200", description = "The draft")
    public RestResponse<Draft> draft(@PathParam("key") String key) {
        Framework framework = frameworks.get(key);
        return IfMatch.tagged(new Draft(key, framework.draftRevision(), frameworks.draftOf(framework)),
                framework.draftRevision());
    }

    @PUT
    @Path("/{key}/draft")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Replace the whole draft (hr-admin)",
            description = "The document is validated as a whole: unique keys and codes, levels ordered 1..n per track "
                    + "without gaps, expectations and mappings referring to existing levels and competencies, "
                    + "equivalences between levels of different tracks. Requires If-Match with the draft's ETag "
                    + "(or * to replace whatever is current).")
    @APIResponse(responseCode = "200", description = "Stored; the new ETag is in the response")
    @APIResponse(responseCode = "412", description = "The draft changed since the ETag was read")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<Draft> replaceDraft(@PathParam("key") String key,
            @Parameter(description = "ETag of the draft being replaced, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull FrameworkDocument document) {
        Framework framework = frameworks.replaceDraft(key, IfMatch.revision(ifMatch), document);
        return IfMatch.tagged(new Draft(key, framework.draftRevision(), document), framework.draftRevision());
    }

    @POST
    @Path("/{key}/draft/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Publish the draft as the next version (hr-admin)",
            description = "Creates immutable version N and publishes org.leveling.frameworks.framework-published.v1 "
                    + "with the whole document. The draft stays, as the start of the next version.")
    @APIResponse(responseCode = "201", description = "Published",
            content = @Content(schema = @Schema(implementation = PublishedVersion.class)))
    @APIResponse(responseCode = "409", description = "The draft is empty, or identical to the latest version")
    public Response publish(@PathParam("key") String key) {
        FrameworkVersion version = frameworks.publish(key);
        return Response.created(URI.create("/api/v1/frameworks/" + key + "/versions/" + version.version()))
                .entity(published(frameworks.get(key), version)).build();
    }

    @GET
    @Path("/{key}/versions/{version}")
    @Operation(summary = "Read a published version", description = "Retired versions stay readable.")
    @APIResponse(responseCode = "200", description = "The version",
            content = @Content(schema = @Schema(implementation = PublishedVersion.class)))
    public Response version(@PathParam("key") String key, @PathParam("version") @Min(1) int version) {
        byte[] body = publishedVersions.body(publishedVersions.header(key, version), header -> {
            try {
                return json.writeValueAsBytes(new PublishedVersion(header.frameworkKey(), header.name(),
                        header.jobFamily(), header.version(), header.publishedAt(), header.publishedBy(),
                        header.retiredAt(), publishedVersions.documentJson(header)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A published version could not be written as JSON", e);
            }
        });
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{key}/versions/{from}/diff/{to}")
    @Operation(summary = "Compare two versions",
            description = "Levels (by code), competencies (by key) and expectations (by level/competency) added, "
                    + "removed or changed from version {from} to version {to}, with the fields that changed.")
    @APIResponse(responseCode = "200", description = "The differences")
    public FrameworkDiff diff(@PathParam("key") String key, @PathParam("from") @Min(1) int from,
            @PathParam("to") @Min(1) int to) {
        frameworks.get(key);
        return FrameworkDiff.between(from, frameworks.documentOf(frameworks.version(key, from)), to,
                frameworks.documentOf(frameworks.version(key, to)));
    }

    @GET
    @Path("/{key}/versions/{version}/levels/{level}/guide")
    @Operation(summary = "A level's success guide",
            description = "The level's summary, its expectation for every competency with examples, and what is "
                    + "new or different compared with the level below it in the same track.")
    @APIResponse(responseCode = "200", description = "The guide")
    public SuccessGuide guide(@PathParam("key") String key, @PathParam("version") @Min(1) int version,
            @PathParam("level") String level) {
        return publishedVersions.guide(publishedVersions.header(key, version), level);
    }

    @PUT
    @Path("/{key}/versions/{version}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Published versions are immutable", description = "Always 409: edit the draft and publish.")
    @APIResponse(responseCode = "409", description = "Always")
    public Response replaceVersion(@PathParam("key") String key, @PathParam("version") @Min(1) int version) {
        frameworks.version(key, version);
        throw ProblemException.conflict("Version " + version + " of '" + key
                + "' is published and cannot change: edit the draft and publish a new version.");
    }

    @POST
    @Path("/{key}/versions/{version}/retire")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(summary = "Retire a version (hr-admin)",
            description = "No new nominations or evidence against it; still readable. Publishes "
                    + "org.leveling.frameworks.framework-retired.v1.")
    @APIResponse(responseCode = "200", description = "Retired")
    @APIResponse(responseCode = "409", description = "Already retired")
    public PublishedVersion retire(@PathParam("key") String key, @PathParam("version") @Min(1) int version) {
        FrameworkVersion retired = frameworks.retire(key, version);
        publishedVersions.forget(key, version);
        return published(frameworks.get(key), retired);
    }

    private PublishedVersion published(Framework framework, FrameworkVersion version) {
        return new PublishedVersion(framework.key(), framework.name(), framework.jobFamily(), version.version(),
                version.publishedAt(), version.publishedBy(), version.retiredAt(), version.document());
    }

}
