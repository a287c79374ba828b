package org.leveling.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.leveling.common.problem.Problem;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;

/**
 * Refuses a request whose path parameters, query parameters or header values hold a control
 * character (percent-encoded {@code %00} is the usual way in) with a 400 naming each of them, before
 * the body is read, parameters are converted or any service code runs: PostgreSQL refuses U+0000
 * in text, and the rest forge log lines. A tab stays legal in header values, as HTTP allows it there.
 *
 * <p>It runs after routing and after the endpoint's security check (not pre-matching) on purpose:
 * an anonymous caller gets the same 401 as on any other request, and the refusal of an authenticated
 * caller is audited under their id.
 */
public class ControlCharacterGuard {

    static final String MESSAGE = "must not contain control characters (U+0000-U+001F, U+007F-U+009F)";
    static final String HEADER_MESSAGE = "must not contain control characters other than tab";

    @ServerRequestFilter
    public void refuseControlCharacters(ContainerRequestContext request) {
        List<Problem.FieldViolation> violations = new ArrayList<>();
        check(request.getUriInfo().getPathParameters(), false, MESSAGE, violations);
        check(request.getUriInfo().getQueryParameters(), false, MESSAGE, violations);
        check(request.getHeaders(), true, HEADER_MESSAGE, violations);
        ProblemException.refuseIfAny(violations.size() == 1 ? "A request parameter holds a control character."
                : violations.size() + " request parameters hold control characters.", violations);
    }

    private static void check(MultivaluedMap<String, String> parameters, boolean tabAllowed, String message,
            List<Problem.FieldViolation> violations) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            boolean bad = ControlCharacters.present(name, tabAllowed);
            for (String value : parameter.getValue()) {
                bad |= ControlCharacters.present(value, tabAllowed);
            }
            if (bad) {
                violations.add(new Problem.FieldViolation(ControlCharacters.escaped(name), message));
            }
        }
    }
}
