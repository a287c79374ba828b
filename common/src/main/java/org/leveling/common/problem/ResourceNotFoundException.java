package org.leveling.common.problem;

import java.util.List;

/**
 * The addressed object does not exist, or the caller may not know that it exists: both answer
 * the same 404 so that ids cannot be probed.
 */
public class ResourceNotFoundException extends ProblemException {

    public ResourceNotFoundException(String resourceType, String id) {
        super(404, ProblemType.RESOURCE_NOT_FOUND, "No " + resourceType + " with id '" + id + "'.", List.of());
    }
}
