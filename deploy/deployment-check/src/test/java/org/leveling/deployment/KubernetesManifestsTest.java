package org.leveling.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** deploy/kubernetes against the Kubernetes models and against what the services read and expect. */
class KubernetesManifestsTest {

    private final KubernetesManifests manifests = KubernetesManifests.base();

    @Test
    void everyContainerIsGivenEveryVariableItsServiceReads() {
        for (ServiceConfiguration service : ServiceConfiguration.all()) {
            Set<String> given = environmentOf(container(service));
            assertThat(given).as("variables set for %s", service.name())
                    .containsAll(service.environment().keySet());
        }
    }

    @Test
    void probesAreTheServicesHealthEndpointsOnTheirConfiguredPort() {
        for (ServiceConfiguration service : ServiceConfiguration.all()) {
            Container container = container(service);
            ContainerPort http = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                    .orElseThrow();
            assertThat(http.getContainerPort()).as("port of %s", service.name()).isEqualTo(service.httpPort());
            assertThat(valueOf(service, "HTTP_PORT")).isEqualTo(Integer.toString(service.httpPort()));
            Map<String, HTTPGetAction> probes = Map.of("/q/health/started", container.getStartupProbe().getHttpGet(),
                    "/q/health/ready", container.getReadinessProbe().getHttpGet(),
                    "/q/health/live", container.getLivenessProbe().getHttpGet());
            probes.forEach((path, probe) -> {
                assertThat(probe.getPath()).as("probe path of %s", service.name()).isEqualTo(path);
                assertThat(probe.getPort().getStrVal()).isEqualTo("http");
            });
            Service exposed = manifests.named(Service.class, service.name());
            assertThat(exposed.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
            assertThat(exposed.getSpec().getSelector()).isEqualTo(deployment(service).getSpec().getSelector()
                    .getMatchLabels());
        }
    }

    @Test
    void noContainerRunsAsRootOrCanGainPrivileges() {
        for (Deployment deployment : manifests.all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isNotNull().isNotZero();
            for (Container container : pod.getContainers()) {
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
                assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
                assertThat(container.getSecurityContext().getRunAsUser()).as("no container overrides the pod's user")
                        .isNull();
            }
        }
    }

    @Test
    void everyServiceHasResourcesADisruptionBudgetAndAnAutoscaler() {
        for (ServiceConfiguration service : ServiceConfiguration.all()) {
            Deployment deployment = deployment(service);
            Container container = container(service);
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKeys("memory");
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(manifests.all(PodDisruptionBudget.class)).as("a budget selecting %s", service.name())
                    .anyMatch(pdb -> podLabels.entrySet().containsAll(
                            pdb.getSpec().getSelector().getMatchLabels().entrySet()));
            assertThat(manifests.all(HorizontalPodAutoscaler.class)).as("an autoscaler of %s", service.name())
                    .anyMatch(hpa -> hpa.getSpec().getScaleTargetRef().getKind().equals("Deployment")
                            && hpa.getSpec().getScaleTargetRef().getName().equals(service.name())
                            && hpa.getSpec().getMinReplicas() >= 2);
            assertThat(container.getImage()).isEqualTo("leveling/" + service.name());
            assertThat(manifests.kustomization().path("images").findValuesAsText("name"))
                    .contains(container.getImage());
        }
    }

    @Test
    void theKafkaTopicsAreTheServicesTopicsWithThePartitionsTheyExpect() {
        Set<String> expected = ServiceConfiguration.all().stream().flatMap(s -> s.topics().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> declared = new TreeSet<>();
        for (var topic : manifests.ofKind("KafkaTopic")) {
            declared.add(topic.getMetadata().getName());
            JsonNode spec = KubernetesManifests.tree(topic).path("spec");
            assertThat(spec.path("partitions").asInt()).as("partitions of %s", topic.getMetadata().getName())
                    .isEqualTo(ServiceConfiguration.topicPartitions());
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "leveling-kafka");
        }
        assertThat(declared).isEqualTo(expected);
        JsonNode kafka = KubernetesManifests.tree(manifests.ofKind("Kafka").get(0));
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText()).isEqualTo("enabled");
        assertThat(valueOf(ServiceConfiguration.of("levels-service"), "KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo(kafka.path("metadata").path("name").asText() + "-kafka-bootstrap:9092");
    }

    @Test
    void theDatabaseClusterHasOneRoleForEachServiceWithTheCredentialsTheServiceUses() {
        JsonNode cluster = KubernetesManifests.tree(manifests.ofKind("Cluster").get(0));
        Map<String, String> roleSecrets = new java.util.HashMap<>();
        cluster.path("spec").path("managed").path("roles").forEach(role -> roleSecrets.put(role.path("name").asText(),
                role.path("passwordSecret").path("name").asText()));
        assertThat(cluster.path("spec").path("bootstrap").path("initdb").path("database").asText()).isEqualTo("leveling");
        for (ServiceConfiguration service : ServiceConfiguration.all()) {
            String secretName = container(service).getEnv().stream().filter(e -> e.getName().equals("DB_USER"))
                    .findFirst().orElseThrow().getValueFrom().getSecretKeyRef().getName();
            String role = manifests.named(Secret.class, secretName).getStringData().get("username");
            assertThat(roleSecrets).as("role of %s", service.name()).containsEntry(role, secretName);
        }
        assertThat(valueOf(ServiceConfiguration.of("levels-service"), "DB_URL"))
                .contains("//" + cluster.path("metadata").path("name").asText() + "-rw:5432/leveling");
    }

    @Test
    void theServicesReachOnlyKafkaPostgresAndDnsAndAreReachedOnlyFromTheIngress() {
        Set<Integer> egressPorts = new HashSet<>();
        boolean denyAll = false;
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            if (!"service".equals(policy.getSpec().getPodSelector().getMatchLabels().get("leveling.org/tier"))) {
                continue;
            }
            denyAll |= policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                    && policy.getSpec().getIngress().isEmpty() && policy.getSpec().getEgress().isEmpty();
            for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                assertThat(rule.getTo()).as("egress names its peers").isNotEmpty();
                rule.getPorts().forEach(port -> egressPorts.add(port.getPort().getIntVal()));
            }
            policy.getSpec().getIngress().forEach(rule -> assertThat(rule.getFrom()).allSatisfy(peer -> assertThat(
                    peer.getNamespaceSelector().getMatchLabels()).containsKey("kubernetes.io/metadata.name")));
        }
        assertThat(denyAll).as("a default-deny policy for the services' pods").isTrue();
        assertThat(egressPorts).containsExactlyInAnyOrder(9092, 5432, 53);
    }

    @Test
    void aManifestWithAFieldKubernetesDoesNotKnowFailsToParse() {
        JsonNode broken = new ObjectMapper().createObjectNode().put("apiVersion", "apps/v1").put("kind", "Deployment")
                .set("spec", new ObjectMapper().createObjectNode().put("replica", 2));

        assertThatThrownBy(() -> KubernetesManifests.typed(broken)).hasMessageContaining("replica");
    }

    @Test
    void everyOverlayBuildsOnTheBaseAndPatchesOnlyWhatItDefines() throws Exception {
        Path overlays = RepositoryFiles.root().resolve("deploy/kubernetes/overlays");
        Set<String> kinds = manifests.resources().stream().map(r -> r.getKind()).collect(Collectors.toSet());
        kinds.add("ScheduledBackup");
        try (var dirs = Files.list(overlays)) {
            for (Path overlay : dirs.toList()) {
                JsonNode kustomization = KubernetesManifests.yaml(overlay.resolve("kustomization.yaml")).get(0);
                assertThat(kustomization.path("resources").findValuesAsText("")).isEmpty();
                assertThat(kustomization.path("resources").get(0).asText()).isEqualTo("../../base");
                for (JsonNode patch : kustomization.path("patches")) {
                    String kind = patch.has("path")
                            ? KubernetesManifests.yaml(overlay.resolve(patch.path("path").asText())).get(0).path("kind")
                                    .asText()
                            : patch.path("target").path("kind").asText();
                    assertThat(kinds).as("patched kind in %s", overlay.getFileName()).contains(kind);
                }
            }
        }
    }

    private Deployment deployment(ServiceConfiguration service) {
        return manifests.named(Deployment.class, service.name());
    }

    private Container container(ServiceConfiguration service) {
        return deployment(service).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** Every variable a container gets: its env entries and every key of the ConfigMaps and Secrets it imports. */
    private Set<String> environmentOf(Container container) {
        Set<String> names = container.getEnv().stream().map(EnvVar::getName).collect(Collectors.toCollection(HashSet::new));
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                names.addAll(manifests.named(ConfigMap.class, source.getConfigMapRef().getName()).getData().keySet());
            }
            if (source.getSecretRef() != null) {
                names.addAll(manifests.named(Secret.class, source.getSecretRef().getName()).getStringData().keySet());
            }
        }
        return names;
    }

    /** The value a service's container gets for a variable from the ConfigMaps it imports. */
    private String valueOf(ServiceConfiguration service, String variable) {
        for (EnvFromSource source : container(service).getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                String value = manifests.named(ConfigMap.class, source.getConfigMapRef().getName()).getData().get(variable);
                if (value != null) {
                    return value;
                }
            }
        }
        throw new AssertionError(variable + " is not in a ConfigMap of " + service.name());
    }
}
