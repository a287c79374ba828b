package org.leveling.common.problem;

/**
 * The problem types the platform defines, each with a stable URI and title. Plain HTTP failures
 * (unknown route, wrong method or media type) use {@code about:blank} with the status phrase as
 * title, as RFC 9457 section 4.2.1 prescribes. Documented in docs/errors.md.
 */
public enum ProblemType {
    VALIDATION_FAILED("urn:leveling:problem:validation-failed", "Request validation failed"),
    MALFORMED_REQUEST("urn:leveling:problem:malformed-request", "Malformed request body"),
    RESOURCE_NOT_FOUND("urn:leveling:problem:resource-not-found", "Resource not found"),
    FORBIDDEN("urn:leveling:problem:forbidden", "Not allowed for you"),
    CONFLICT("urn:leveling:problem:conflict", "Conflict with the current state"),
    IDEMPOTENCY_KEY_REUSED("urn:leveling:problem:idempotency-key-reused",
            "Idempotency-Key already used for a different request"),
    PRECONDITION_FAILED("urn:leveling:problem:precondition-failed", "The resource has changed"),
    PRECONDITION_REQUIRED("urn:leveling:problem:precondition-required", "If-Match is required"),
    SERVICE_UNAVAILABLE("urn:leveling:problem:service-unavailable", "Service temporarily unavailable"),
    INTERNAL_ERROR("urn:leveling:problem:internal-error", "Internal server error");

    private final String uri;
    private final String title;

    ProblemType(String uri, String title) {
        this.uri = uri;
        this.title = title;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
    }
}
