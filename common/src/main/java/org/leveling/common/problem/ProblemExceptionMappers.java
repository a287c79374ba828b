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
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import org.hibernate.exception.DataException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leveling.common.audit.AuditTrail;
import org.leveling.common.persistence.TransientDatabaseFailures;
import org.leveling.common.security.Caller;
import org.leveling.common.security.CurrentUser;
import org.leveling.common.web.ControlCharacters;
import org.leveling.common.web.CorrelationId;
import org.leveling.common.web.RequestMetadata;

/**
 * The one set of exception mappers all services use: every failure leaves as problem+json, and no
 * body ever carries a stack trace or a Java class name.
 */
public class ProblemExceptionMappers {

    /** How long a client waits before retrying a request the database could not serve. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final AuditTrail audit;
    private final RequestMetadata request;

    public ProblemExceptionMappers(AuditTrail audit, RequestMetadata request) {
        this.audit = audit;
        this.request = request;
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthenticated(RuntimeException e, ContainerRequestContext context) {
        Response problem = ProblemResponses.plain(context, 401,
                "A valid bearer token is required: signed by the configured issuer, for this audience, not expired.");
        // Asking the identity again would retry the failed authentication: the caller is anonymous.
        return refused(Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build(),
                Caller.ANONYMOUS);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext context) {
        return refused(ProblemResponses.plain(context, 403, "Your roles do not allow this operation."), caller());
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext request) {
        return refused(ProblemResponses.of(request, e.status(), e.type(), e.getMessage(), e.violations()), caller());
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
        return refused(ProblemResponses.of(request, 400, type, JsonInputProblems.detail(e), violations), caller());
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
        return refused(ProblemResponses.of(request, 400, ProblemType.VALIDATION_FAILED, detail, violations), caller());
    }

    /**
     * PostgreSQL refused a value (SQLState class 22: a NUL character, a string too long for its
     * column, a number out of range) that validation let through: the caller's input, so a 400.
     */
    @ServerExceptionMapper
    public Response unstorableValue(DataException e, ContainerRequestContext request) {
        Log.warnf("Database refused a request value on %s %s [correlationId=%s]: %s", request.getMethod(),
                ControlCharacters.escaped(request.getUriInfo().getPath()), CorrelationId.of(request),
                ControlCharacters.escaped(e.getSQLException().getMessage()));
        return refused(ProblemResponses.of(request, 400, ProblemType.VALIDATION_FAILED,
                "A value in the request cannot be stored (for example it contains a NUL character or is too long).",
                List.of()), caller());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ContainerRequestContext request) {
        if (e.getCause() != null) {
            // JAX-RS answers 404 when a query or path parameter cannot be converted (a word where a number
            // or one of an enum's values belongs); the request is wrong, not the address.
            return ProblemResponses.of(request, 400, ProblemType.VALIDATION_FAILED,
                    "A query or path parameter has a value of the wrong type or outside its allowed values.",
                    List.of());
        }
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
        return ProblemResponses.plain(request, 406, "None of the media types in Accept can be produced; accept "
                + "application/json (text/event-stream for a stream of changes).");
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
        if (status == 413) {
            return refused(ProblemResponses.plain(request, 413, "The request body is larger than this API accepts."),
                    caller());
        }
        return refused(ProblemResponses.plain(request, status, Response.Status.fromStatusCode(status) == null
                ? "The request failed." : Response.Status.fromStatusCode(status).getReasonPhrase() + "."), caller());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        String correlationId = CorrelationId.of(request);
        if (TransientDatabaseFailures.isTransient(e)) {
            return unavailable(e, request, correlationId);
        }
        Log.errorf(e, "Unexpected failure on %s %s [correlationId=%s]", request.getMethod(),
                ControlCharacters.escaped(request.getUriInfo().getPath()), correlationId);
        return ProblemResponses.of(request, 500, ProblemType.INTERNAL_ERROR,
                "The request could not be completed. Quote correlation id " + correlationId + " when reporting it.",
                List.of());
    }

    /**
     * The database is down, restarting or out of connections: the same request succeeds later, so a
     * 503 that says when to try again — and, when the connection broke during the commit, that the
     * change may have been made.
     */
    private static Response unavailable(Throwable e, ContainerRequestContext request, String correlationId) {
        Log.warnf("Database unavailable on %s %s [correlationId=%s]: %s", request.getMethod(),
                ControlCharacters.escaped(request.getUriInfo().getPath()), correlationId,
                ControlCharacters.escaped(String.valueOf(rootCause(e).getMessage())));
        String detail = TransientDatabaseFailures.duringCommit(e)
                // The answer to the commit was lost: it may have been made. A repeat is safe where a repeat is
                // recognised (PUT, Idempotency-Key), which is what a client should retry with.
                ? "The service's database became unavailable while the change was being committed: it may or may "
                        + "not have been made. Retry after " + RETRY_AFTER_SECONDS + " seconds; repeating the same PUT, "
                        + "or a POST with the same Idempotency-Key, is safe."
                : "The service's database is unavailable at the moment; nothing was changed. Retry after "
                        + RETRY_AFTER_SECONDS + " seconds.";
        Response problem = ProblemResponses.of(request, 503, ProblemType.SERVICE_UNAVAILABLE, detail, List.of());
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * Records a refused mutating call in the audit trail (the call's own transaction, if any, rolled
     * back). Reads such as a 404 on GET are not audited.
     */
    private Response refused(Response problem, Caller caller) {
        if (request.isMutating() && problem.getStatus() >= 400 && problem.getStatus() < 500) {
            try {
                audit.recordRefusal(caller, problem.getStatus(), ((Problem) problem.getEntity()).detail());
            } catch (RuntimeException e) {
                if (!TransientDatabaseFailures.isTransient(e)) {
                    throw e;
                }
                // The refusal stands (nothing was changed); only its audit row is lost to the outage.
                Log.warnf("Refusal not audited, the database is unavailable: %s %d",
                        request.method() + " " + ControlCharacters.escaped(request.route()), problem.getStatus());
            }
        }
        return problem;
    }

    private static Caller caller() {
        try {
            return CurrentUser.ofCurrentRequest();
        } catch (RuntimeException e) {
            return Caller.ANONYMOUS;
        }
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
