package org.leveling.deployment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The resources of deploy/kubernetes/base, as its kustomization.yaml lists them, parsed into
 * fabric8's typed Kubernetes models; the operators' resources (Strimzi, CloudNativePG) as generic
 * resources. An unknown field in a typed resource fails the parse.
 */
record KubernetesManifests(List<HasMetadata> resources, JsonNode kustomization) {

    static final Path BASE = Path.of("deploy", "kubernetes", "base");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Class<? extends HasMetadata>> TYPED = Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "ConfigMap", ConfigMap.class,
            "Secret", Secret.class, "PodDisruptionBudget", PodDisruptionBudget.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class, "NetworkPolicy", NetworkPolicy.class,
            "Ingress", Ingress.class, "Namespace", Namespace.class);

    static KubernetesManifests base() {
        Path base = RepositoryFiles.root().resolve(BASE);
        JsonNode kustomization = yaml(base.resolve("kustomization.yaml")).get(0);
        List<HasMetadata> resources = new ArrayList<>();
        for (JsonNode file : kustomization.path("resources")) {
            for (JsonNode document : yaml(base.resolve(file.asText()))) {
                resources.add(typed(document));
            }
        }
        return new KubernetesManifests(List.copyOf(resources), kustomization);
    }

    static List<JsonNode> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            List<JsonNode> documents = new ArrayList<>();
            for (Object document : new Yaml(new LoaderOptions()).loadAll(reader)) {
                if (document != null) {
                    documents.add(MAPPER.valueToTree(document));
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HasMetadata typed(JsonNode document) {
        Class<? extends HasMetadata> type = TYPED.getOrDefault(document.path("kind").asText(),
                GenericKubernetesResource.class);
        HasMetadata resource;
        try {
            resource = MAPPER.treeToValue(document, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid " + document.path("kind").asText() + ": "
                    + e.getMessage(), e);
        }
        if (type != GenericKubernetesResource.class) {
            // fabric8's models keep what they do not know aside instead of failing: a misspelt field lands there.
            List<String> unknown = new ArrayList<>();
            collectUnknownFields(resource, document.path("kind").asText(), unknown);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("not a valid " + document.path("kind").asText()
                        + ": unknown fields " + unknown);
            }
        }
        return resource;
    }

    private static void collectUnknownFields(Object model, String path, List<String> unknown) {
        if (model instanceof Iterable<?> items) {
            items.forEach(item -> collectUnknownFields(item, path + "[]", unknown));
            return;
        }
        if (model instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> collectUnknownFields(value, path + "." + key, unknown));
            return;
        }
        if (model == null || !model.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : model.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object value = getter.invoke(model);
                if (getter.getName().equals("getAdditionalProperties")) {
                    ((Map<?, ?>) value).keySet().forEach(key -> unknown.add(path + "." + key));
                } else {
                    collectUnknownFields(value, path + "." + getter.getName().substring(3), unknown);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    List<GenericKubernetesResource> ofKind(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    /** A generic resource as a JSON tree, to read its spec. */
    static JsonNode tree(GenericKubernetesResource resource) {
        return MAPPER.valueToTree(resource);
    }
}
