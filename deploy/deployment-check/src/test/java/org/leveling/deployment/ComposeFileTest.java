package org.leveling.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** deploy/compose/compose.yaml against the Compose Specification and against what the services read. */
class ComposeFileTest {

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void theComposeFileIsValidAgainstTheComposeSpecification() throws IOException {
        List<Error> errors = composeSpecification().validate(compose.tree());

        assertThat(errors).as("%s against the Compose Specification schema", compose.file()).isEmpty();
    }

    @Test
    void theSchemaCheckRejectsWhatACompositionImplementationWouldRefuse() throws IOException {
        JsonNode broken = compose.tree().deepCopy();
        ((ObjectNode) broken.path("services").path("kafka"))
                .put("restart_policy", "always");

        assertThat(composeSpecification().validate(broken)).as("an unknown service key").isNotEmpty();
    }

    @Test
    void everyInstanceOfEveryServiceIsGivenEveryVariableTheServiceReads() {
        for (ServiceConfiguration service : ServiceConfiguration.all()) {
            List<String> instances = compose.instancesOf(service.name());
            assertThat(instances).as("containers of %s", service.name()).isNotEmpty();
            for (String instance : instances) {
                JsonNode environment = compose.service(instance).path("environment");
                assertThat(service.environment().keySet()).as("variables %s reads, set on %s", service.name(), instance)
                        .allSatisfy(variable -> assertThat(environment.has(variable)).as(variable).isTrue());
            }
        }
    }

    @Test
    void promotionServiceRunsAsTwoInstancesOnOneDatabaseAndBroker() {
        List<String> instances = compose.instancesOf("promotion-service");

        assertThat(instances).hasSize(2);
        JsonNode first = compose.service(instances.get(0));
        JsonNode second = compose.service(instances.get(1));
        assertThat(second.path("environment")).as("the same configuration").isEqualTo(first.path("environment"));
        assertThat(second.path("ports")).as("a host port of its own").isNotEqualTo(first.path("ports"));
    }

    @Test
    void eachServiceListensAndIsCheckedOnItsConfiguredPort() {
        for (ServiceConfiguration service : ServiceConfiguration.all()) {
            for (String instance : compose.instancesOf(service.name())) {
                JsonNode container = compose.service(instance);
                assertThat(container.path("environment").path("HTTP_PORT").asText())
                        .isEqualTo(Integer.toString(service.httpPort()));
                assertThat(container.path("ports").get(0).asText()).as("published port of %s", instance)
                        .endsWith(":" + service.httpPort());
                assertThat(container.path("healthcheck").path("test").toString()).contains("/q/health/ready");
                assertThat(container.path("depends_on").path("postgres").path("condition").asText())
                        .isEqualTo("service_healthy");
                assertThat(container.path("depends_on").path("kafka").path("condition").asText())
                        .isEqualTo("service_healthy");
            }
        }
    }

    @Test
    void everyImageIsBuiltFromItsServicesDefinitionWhichRunsAsNonRootWithAHealthCheck() throws IOException {
        for (ServiceConfiguration service : ServiceConfiguration.all()) {
            JsonNode build = compose.service(service.name()).path("build");
            Path context = compose.file().getParent().resolve(build.path("context").asText()).normalize();
            Path dockerfile = context.resolve(build.path("dockerfile").asText());
            assertThat(context).isEqualTo(RepositoryFiles.root().resolve(service.name()));
            assertThat(dockerfile).isRegularFile();
            ImageDefinition image = ImageDefinition.read(dockerfile);
            assertThat(image.user()).as("USER of %s", dockerfile).isNotEmpty().isNotIn("root", "0");
            assertThat(image.user()).as("numeric, so runAsNonRoot can be verified").containsOnlyDigits();
            assertThat(image.healthCheck()).as("HEALTHCHECK of %s", dockerfile).contains("/q/health/");
            assertThat(image.exposedPorts()).containsExactly(service.httpPort());
            assertThat(image.copiedFrom()).as("the fast-jar layout").allMatch(source -> source.startsWith(
                    "target/quarkus-app/"));
        }
    }

    private static Schema composeSpecification() throws IOException {
        try (InputStream file = Files.newInputStream(RepositoryFiles.root()
                .resolve("deploy/deployment-check/src/test/resources/compose-spec.schema.json"))) {
            ObjectNode schema = (ObjectNode) new ObjectMapper().readTree(file);
            // The specification names itself relatively ("compose_spec.json"); a validator needs an absolute id.
            schema.put("$id", "https://raw.githubusercontent.com/compose-spec/compose-spec/main/schema/compose-spec.json");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
        }
    }
}
