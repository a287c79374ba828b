package org.leveling.common.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.leveling.common.inbox.EventHandler;
import org.leveling.common.inbox.ReceivedEvent;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Feeds the {@link PeopleDirectory} from levels-service's person events. Active in services that
 * set {@code leveling.people-directory.enabled=true} (and add {@code db/people-directory} to their
 * Flyway locations).
 */
@ApplicationScoped
@IfBuildProperty(name = "leveling.people-directory.enabled", stringValue = "true")
public class PersonUpsertedHandler implements EventHandler<PersonUpserted> {

    private final PeopleDirectory directory;
    private final Event<DirectoryPersonChanged> changes;

    public PersonUpsertedHandler(PeopleDirectory directory, Event<DirectoryPersonChanged> changes) {
        this.directory = directory;
        this.changes = changes;
    }

    @Override
    public String topic() {
        return PersonUpserted.TOPIC;
    }

    @Override
    public String eventType() {
        return PersonUpserted.TYPE;
    }

    @Override
    public Class<PersonUpserted> payloadType() {
        return PersonUpserted.class;
    }

    @Override
    public void apply(ReceivedEvent event, PersonUpserted payload) {
        if (directory.apply(payload, event.id())) {
            changes.fire(new DirectoryPersonChanged(payload.employeeId(), event.type(), event.id()));
        }
    }
}
