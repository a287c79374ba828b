package org.leveling.levels;

import org.leveling.common.testing.KafkaTestResource;
import org.leveling.common.testing.PlatformEndpointsContract;
import org.leveling.common.testing.PostgresTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Declares the real stack once for every test of this module (global scope, started in parallel). */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class PlatformEndpointsTest extends PlatformEndpointsContract {

    @Override
    protected String schema() {
        return "levels";
    }

    @Override
    protected String apiTitle() {
        return "Leveling levels-service API";
    }
}
