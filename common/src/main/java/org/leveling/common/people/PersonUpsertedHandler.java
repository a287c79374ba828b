package org.leveling.common.people;

import jakarta.enterprise.context.ApplicationScoped;

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

    public PersonUpsertedHandler(PeopleDirectory directory) {
        this.directory = directory;
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
        directory.apply(payload, event.id());
    }
}
