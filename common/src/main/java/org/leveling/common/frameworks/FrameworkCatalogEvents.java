package org.leveling.common.frameworks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.leveling.common.inbox.EventHandler;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Feeds the {@link FrameworkCatalog} from levels-service's framework events. Active in services that
 * set {@code leveling.framework-catalog.enabled=true} (and add {@code db/framework-catalog} to their
 * Flyway locations).
 */
@ApplicationScoped
@IfBuildProperty(name = "leveling.framework-catalog.enabled", stringValue = "true")
public class FrameworkCatalogEvents {

    @Produces
    @ApplicationScoped
    EventHandler<FrameworkPublished> frameworkPublished(FrameworkCatalog catalog) {
        return EventHandler.of(FrameworkPublished.TOPIC, FrameworkPublished.TYPE, FrameworkPublished.class,
                (event, version) -> catalog.apply(version, event.id()));
    }

    @Produces
    @ApplicationScoped
    EventHandler<FrameworkRetired> frameworkRetired(FrameworkCatalog catalog) {
        return EventHandler.of(FrameworkPublished.TOPIC, FrameworkRetired.TYPE, FrameworkRetired.class,
                (event, retired) -> catalog.retire(retired));
    }
}
