package org.leveling.common.problem;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.leveling.common.web.CorrelationId;

/** Builds problem+json responses bound to the request they answer. */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {
    }

    public static Response of(ContainerRequestContext request, int status, ProblemType type, String detail,
            List<Problem.FieldViolation> violations) {
        return build(request, status, type.uri(), type.title(), detail, violations);
    }

    /** A plain HTTP failure: type {@code about:blank}, title = the status phrase (RFC 9457, 4.2.1). */
    public static Response plain(ContainerRequestContext request, int status, String detail) {
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : family.name();
        return build(request, status, "about:blank", title, detail, List.of());
    }

    private static Response build(ContainerRequestContext request, int status, String type, String title,
            String detail, List<Problem.FieldViolation> violations) {
        String correlationId = CorrelationId.of(request);
        Problem body = new Problem(type, title, status, detail, request.getUriInfo().getPath(), correlationId,
                violations);
        return Response.status(status)
                .type(MEDIA_TYPE)
                .header(CorrelationId.HEADER, correlationId)
                .entity(body)
                .build();
    }
}
