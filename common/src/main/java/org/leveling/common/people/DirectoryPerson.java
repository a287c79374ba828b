package org.leveling.common.people;

/** A person as this service knows them from levels-service's events. */
public record DirectoryPerson(String employeeId, String name, String managerId, String orgUnit, String jobFamily,
        String track, long revision) {
}
