package org.leveling.common.people;

import jakarta.enterprise.context.ApplicationScoped;

import org.leveling.common.inbox.EventHandler;
import org.leveling.common.inbox.ReceivedEvent;

import io.quarkus.arc.properties.IfBuildProperty;

/** Keeps the level history of the {@link PeopleDirectory} from levels-service's level-changed events. */
@ApplicationScoped
@IfBuildProperty(name = "leveling.people-directory.enabled", stringValue = "true")
public class LevelChangedHandler implements EventHandler<LevelChanged> {

    private final PeopleDirectory directory;

    public LevelChangedHandler(PeopleDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String topic() {
        return PersonUpserted.TOPIC;
    }

    @Override
    public String eventType() {
        return LevelChanged.TYPE;
    }

    @Override
    public Class<LevelChanged> payloadType() {
        return LevelChanged.class;
    }

    @Override
    public void apply(ReceivedEvent event, LevelChanged payload) {
        directory.applyLevel(payload, event.id());
    }
}
