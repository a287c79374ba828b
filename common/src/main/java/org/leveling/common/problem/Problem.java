package org.leveling.common.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body. Every 4xx and 5xx of every service is one of these, served as
 * {@code application/problem+json}.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, served as application/problem+json.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "URI identifying the problem type (see docs/errors.md).", example = "urn:leveling:problem:validation-failed")
        String type,
        @Schema(description = "Short, stable summary of the problem type.", example = "Request validation failed")
        String title,
        @Schema(description = "HTTP status code.", example = "400")
        int status,
        @Schema(description = "Explanation specific to this occurrence.", example = "2 fields are invalid.")
        String detail,
        @Schema(description = "The request path this problem occurred on.", example = "/api/v1/people/E100")
        String instance,
        @Schema(description = "Correlation id of the request; also in the X-Correlation-Id header and the server log.")
        String correlationId,
        @Schema(description = "For validation problems: one entry per failing field.")
        List<FieldViolation> errors) {

    /** One invalid input field: where it is (JSON path, query or path parameter name) and what is wrong. */
    @Schema(name = "FieldViolation")
    public record FieldViolation(
            @Schema(description = "Location of the field, e.g. levels[3].code or limit.", example = "name")
            String field,
            @Schema(description = "What is wrong with it.", example = "must not be blank")
            String message) {
    }
}
