package org.leveling.common.web;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ResourceInfo;

/** What the audit trail needs to know about the request being served. */
@RequestScoped
public class RequestMetadata {

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Instance<ResourceInfo> resource;
    private String method = "";
    private String path = "";
    private String correlationId;
    private String clientAddress = "unknown";
    private boolean audited;

    public RequestMetadata(Instance<ResourceInfo> resource) {
        this.resource = resource;
    }

    void describe(String method, String path, String correlationId, String clientAddress) {
        this.method = method;
        // Paths arrive decoded: a %00 or %0A would break the audit row or forge a log line.
        this.path = ControlCharacters.escaped(path);
        this.correlationId = correlationId;
        if (clientAddress != null) {
            this.clientAddress = clientAddress;
        }
    }

    /** e.g. {@code PUT /api/v1/people/E200}, control characters percent-encoded. */
    public String action() {
        return method + " " + path;
    }

    public String method() {
        return method;
    }

    /**
     * The template of the endpoint the request matched, e.g. {@code /api/v1/people/{employeeId}};
     * {@link RouteTemplates#UNMATCHED} before routing or when nothing matched.
     */
    public String route() {
        return resource.isResolvable() ? RouteTemplates.of(resource.get()) : RouteTemplates.UNMATCHED;
    }

    /** The caller's address as the HTTP layer sees it (the proxy's, unless forwarding is configured). */
    public String clientAddress() {
        return clientAddress;
    }

    public boolean isMutating() {
        return MUTATING.contains(method);
    }

    public String correlationId() {
        return correlationId;
    }

    public boolean audited() {
        return audited;
    }

    public void markAudited() {
        audited = true;
    }
}
