package org.leveling.levels.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leveling.levels.domain.Person;
import org.leveling.levels.domain.PersonDetails;

@Schema(name = "Person")
public record PersonResponse(
        @Schema(example = "E200") String employeeId,
        String name,
        String email,
        String managerId,
        String orgUnit,
        String jobFamily,
        String track,
        @Schema(description = "Incremented on every change; also the ETag.", example = "3") long revision,
        Instant createdAt,
        Instant updatedAt) {

    static PersonResponse of(Person person) {
        PersonDetails d = person.details();
        return new PersonResponse(person.employeeId(), d.name(), d.email(), d.managerId(), d.orgUnit(),
                d.jobFamily(), d.track(), person.revision(), person.createdAt(), person.updatedAt());
    }
}
