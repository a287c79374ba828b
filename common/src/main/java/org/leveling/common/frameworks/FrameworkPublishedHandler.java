package org.leveling.common.frameworks;

import jakarta.enterprise.context.ApplicationScoped;

import org.leveling.common.inbox.EventHandler;
import org.leveling.common.inbox.ReceivedEvent;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Feeds the {@link FrameworkCatalog} from levels-service's framework events. Active in services that
 * set {@code leveling.framework-catalog.enabled=true} (and add {@code db/framework-catalog} to their
 * Flyway locations).
 */
@ApplicationScoped
@IfBuildProperty(name = "leveling.framework-catalog.enabled", stringValue = "true")
public class FrameworkPublishedHandler implements EventHandler<FrameworkPublished> {

    private final FrameworkCatalog catalog;

    public FrameworkPublishedHandler(FrameworkCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String topic() {
        return FrameworkPublished.TOPIC;
    }

    @Override
    public String eventType() {
        return FrameworkPublished.TYPE;
    }

    @Override
    public Class<FrameworkPublished> payloadType() {
        return FrameworkPublished.class;
    }

    @Override
    public void apply(ReceivedEvent event, FrameworkPublished payload) {
        catalog.apply(payload, event.id());
    }
}
