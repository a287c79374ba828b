package org.leveling.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceConfigurationTest {

    @Test
    void readsTheEnvironmentEachServiceNeedsFromItsOwnConfiguration() {
        ServiceConfiguration evidence = ServiceConfiguration.of("evidence-service");

        assertThat(evidence.requiredEnvironment()).containsExactlyInAnyOrder("JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION");
        assertThat(evidence.environment()).containsKeys("DB_URL", "KAFKA_BOOTSTRAP_SERVERS", "READINESS_MINIMUM_QUARTERS");
        assertThat(evidence.httpPort()).isEqualTo(8082);
        assertThat(evidence.topics()).contains("leveling.evidence", "leveling.promotions");
        assertThat(ServiceConfiguration.topicPartitions()).isEqualTo(3);
    }
}
