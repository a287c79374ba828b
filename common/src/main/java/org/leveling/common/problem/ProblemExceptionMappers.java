package org.leveling.common.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leveling.common.web.CorrelationId;

/**
 * The one set of exception mappers all services use: every failure leaves as problem+json, and no
 * body ever carries a stack trace or a Java class name.
 */
public class ProblemExceptionMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        return ProblemResponses.of(request, e.status(), e.type(), e.getMessage(), e.violations());
    }

    /**
     * Jackson failures. The mapping subtypes are named explicitly because Quarkus REST ships its own
     * mapper for {@link MismatchedInputException}, which a mapper of the supertype alone would not
     * outrank.
     */
    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class })
    public Response malformedJson(JsonProcessingException e, ContainerRequestContext request) {
        List<Problem.FieldViolation> violations = JsonInputProblems.violations(e);
        ProblemType type = violations.isEmpty() ? ProblemType.MALFORMED_REQUEST : ProblemType.VALIDATION_FAILED;
        return ProblemResponses.of(request, 400, type, JsonInputProblems.detail(e), violations);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, ContainerRequestContext request) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemExceptionMappers::isReturnValue)) {
            // The server produced an invalid response: our fault, not the caller's.
            return unexpected(e, request);
        }
        List<Problem.FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldViolation(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldViolation::field).thenComparing(Problem.FieldViolation::message))
                .toList();
        String detail = violations.size() == 1 ? "1 field is invalid." : violations.size() + " fields are invalid.";
        return ProblemResponses.of(request, 400, ProblemType.VALIDATION_FAILED, detail, violations);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ContainerRequestContext request) {
        return ProblemResponses.plain(request, 404,
                "Nothing matches " + request.getMethod() + " " + request.getUriInfo().getPath() + ".");
    }

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException e, ContainerRequestContext request) {
        Response problem = ProblemResponses.plain(request, 405,
                request.getMethod() + " is not allowed on " + request.getUriInfo().getPath() + ".");
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? problem : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, ContainerRequestContext request) {
        String sent = request.getMediaType() == null ? "none" : request.getMediaType().toString();
        return ProblemResponses.plain(request, 415,
                "Content type '" + sent + "' is not supported here; send application/json.");
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, ContainerRequestContext request) {
        return ProblemResponses.plain(request, 406,
                "None of the media types in Accept can be produced; accept application/json.");
    }

    @ServerExceptionMapper
    public Response otherHttpFailure(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            // The JSON reader wraps unparseable bodies in a plain 400.
            return malformedJson(json, request);
        }
        if (status >= 500) {
            return unexpected(e, request);
        }
        return ProblemResponses.plain(request, status, Response.Status.fromStatusCode(status) == null
                ? "The request failed." : Response.Status.fromStatusCode(status).getReasonPhrase() + ".");
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        String correlationId = CorrelationId.of(request);
        Log.errorf(e, "Unexpected failure on %s %s [correlationId=%s]", request.getMethod(),
                request.getUriInfo().getPath(), correlationId);
        return ProblemResponses.of(request, 500, ProblemType.INTERNAL_ERROR,
                "The request could not be completed. Quote correlation id " + correlationId + " when reporting it.",
                List.of());
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * "create.request.levels[3].code" → "levels[3].code"; "list.limit" → "limit": drops the method
     * and, when more follows, the body parameter's name, which mean nothing to a client.
     */
    static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean lastNode = i == nodes.size() - 1;
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || (node.getKind() == ElementKind.PARAMETER && !lastNode)) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "request" : field.toString();
    }
}
