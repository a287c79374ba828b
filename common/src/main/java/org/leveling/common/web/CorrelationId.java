package org.leveling.common.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Gives every request a correlation id: the caller's {@code X-Correlation-Id} when it is a sane
 * token, a fresh UUID otherwise. It is put in the logging MDC (key {@code correlationId}, printed
 * in every log line), echoed in the response header and carried by every problem body, so one id
 * ties a user's error report to the server log.
 */
public class CorrelationId {

    private final RequestMetadata metadata;

    public CorrelationId(RequestMetadata metadata) {
        this.metadata = metadata;
    }

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final String PROPERTY = CorrelationId.class.getName();
    // Callers' ids end up in logs: accept only short tokens that cannot forge log lines.
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request, HttpServerRequest http) {
        String id = acceptOrCreate(request.getHeaderString(HEADER));
        request.setProperty(PROPERTY, id);
        MDC.put(MDC_KEY, id);
        SocketAddress client = http.remoteAddress();
        metadata.describe(request.getMethod(), request.getUriInfo().getPath(), id,
                client == null ? null : client.hostAddress());
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** The caller's id when it is a sane token, else a fresh UUID. */
    public static String acceptOrCreate(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    /** The id of the request, or a new one when the filter has not run (it always does for REST routes). */
    public static String of(ContainerRequestContext request) {
        Object id = request.getProperty(PROPERTY);
        return id != null ? id.toString() : UUID.randomUUID().toString();
    }
}
