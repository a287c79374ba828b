package org.leveling.common.web;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

/** What the audit trail needs to know about the request being served. */
@RequestScoped
public class RequestMetadata {

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private String method = "";
    private String path = "";
    private String correlationId;
    private boolean audited;

    void describe(String method, String path, String correlationId) {
        this.method = method;
        this.path = path;
        this.correlationId = correlationId;
    }

    /** e.g. {@code PUT /api/v1/people/E200}. */
    public String action() {
        return method + " " + path;
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
