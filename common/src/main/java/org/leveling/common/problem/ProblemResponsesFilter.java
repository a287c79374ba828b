package org.leveling.common.problem;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;


/**
 * Every error response of every operation is a {@link Problem} served as
 * {@code application/problem+json} (ProblemExceptionMappers make it so), so the resources declare
 * an error only by its status and its meaning, and this filter gives each 4xx and 5xx without a body
 * of its own that body. Registered by {@code mp.openapi.filter} in common's configuration.
 */
public class ProblemResponsesFilter implements OASFilter {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String SCHEMA = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return operation;
        }
        for (Map.Entry<String, APIResponse> entry : operation.getResponses().getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            boolean error = entry.getKey().startsWith("4") || entry.getKey().startsWith("5");
            boolean bodiless = response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty();
            if (error && bodiless && response.getRef() == null) {
                response.setContent(OASFactory.createContent().addMediaType(MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA))));
            }
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null || !schemas.containsKey("Problem")) {
            throw new IllegalStateException("The Problem schema is missing from the OpenAPI components");
        }
    }
}
