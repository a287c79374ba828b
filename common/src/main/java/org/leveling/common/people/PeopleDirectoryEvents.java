package org.leveling.common.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;

import org.leveling.common.inbox.EventHandler;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Feeds the {@link PeopleDirectory} from levels-service's person and level events. Active in
 * services that set {@code leveling.people-directory.enabled=true} (and add
 * {@code db/people-directory} to their Flyway locations).
 */
@ApplicationScoped
@IfBuildProperty(name = "leveling.people-directory.enabled", stringValue = "true")
public class PeopleDirectoryEvents {

    /** A person event that changed the directory tells the service, in the same transaction. */
    @Produces
    @ApplicationScoped
    EventHandler<PersonUpserted> personUpserted(PeopleDirectory directory, Event<DirectoryPersonChanged> changes) {
        return EventHandler.of(PersonUpserted.TOPIC, PersonUpserted.TYPE, PersonUpserted.class, (event, person) -> {
            if (directory.apply(person, event.id())) {
                changes.fire(new DirectoryPersonChanged(person.employeeId(), event.type(), event.id()));
            }
        });
    }

    @Produces
    @ApplicationScoped
    EventHandler<LevelChanged> levelChanged(PeopleDirectory directory) {
        return EventHandler.of(PersonUpserted.TOPIC, LevelChanged.TYPE, LevelChanged.class,
                (event, level) -> directory.applyLevel(level, event.id()));
    }
}
