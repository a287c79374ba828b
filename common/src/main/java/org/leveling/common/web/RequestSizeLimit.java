package org.leveling.common.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leveling.common.problem.Problem;
import org.leveling.common.problem.ProblemResponses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a declared oversize body ({@code Content-Length} above
 * {@code quarkus.http.limits.max-body-size}) with a 413 problem before anything reads it. The HTTP
 * layer would otherwise send a bare 413 without a problem body.
 */
@ApplicationScoped
public class RequestSizeLimit {

    private final long maxBodyBytes;
    private final ObjectMapper json;

    public RequestSizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper json) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::refuseOversize, 1000);
    }

    private void refuseOversize(RoutingContext context) {
        String declared = context.request().getHeader("Content-Length");
        if (declared == null || !isOver(declared)) {
            context.next();
            return;
        }
        String correlationId = CorrelationId.acceptOrCreate(context.request().getHeader(CorrelationId.HEADER));
        Problem problem = new Problem("about:blank", "Request Entity Too Large", 413,
                "The request body is larger than the " + maxBodyBytes + " bytes this API accepts.",
                context.request().path(), correlationId, List.of());
        try {
            context.response().setStatusCode(413)
                    .putHeader("Content-Type", ProblemResponses.MEDIA_TYPE)
                    .putHeader(CorrelationId.HEADER, correlationId)
                    // The unread body stays on the connection: close it rather than parse the rest.
                    .putHeader("Connection", "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
