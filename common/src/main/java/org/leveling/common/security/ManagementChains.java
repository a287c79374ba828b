package org.leveling.common.security;

import java.util.List;

/**
 * Who manages whom, from a service's own people data: levels-service's directory, or the people
 * read model in the other services. The access policy asks nothing else.
 */
public interface ManagementChains {

    /** The managers above a person, nearest first; empty for an unknown person. */
    List<String> managementChain(String employeeId);
}
