package org.leveling.levels.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leveling.levels.domain.LevelAssignment;
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
        Instant updatedAt,
        @Schema(description = "The level-history entry in effect today; absent when the person has none yet.")
        CurrentLevel currentLevel) {

    @Schema(name = "CurrentLevel")
    public record CurrentLevel(String frameworkKey, int frameworkVersion, String level, LocalDate since) {
    }

    static PersonResponse of(Person person, Optional<LevelAssignment> current) {
        PersonDetails d = person.details();
        return new PersonResponse(person.employeeId(), d.name(), d.email(), d.managerId(), d.orgUnit(),
                d.jobFamily(), d.track(), person.revision(), person.createdAt(), person.updatedAt(),
                current.map(LevelAssignment::change).map(c -> new CurrentLevel(c.frameworkKey(), c.frameworkVersion(),
                        c.level(), c.effectiveFrom())).orElse(null));
    }
}
