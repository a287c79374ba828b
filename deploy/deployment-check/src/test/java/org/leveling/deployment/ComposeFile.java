package org.leveling.deployment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * deploy/compose/compose.yaml as a compose implementation reads it: YAML anchors and merge keys
 * resolved (SnakeYAML does, as `docker compose config` does), then as a JSON tree.
 */
record ComposeFile(Path file, JsonNode tree) {

    static final Path LOCATION = Path.of("deploy", "compose", "compose.yaml");

    static ComposeFile load() {
        return load(RepositoryFiles.root().resolve(LOCATION));
    }

    static ComposeFile load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object document = new Yaml(new LoaderOptions()).load(reader);
            return new ComposeFile(file, new ObjectMapper().valueToTree(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode service(String name) {
        return tree.path("services").path(name);
    }

    /** The services that run the image of {@code service}: its own entry and any further instance. */
    List<String> instancesOf(String service) {
        List<String> instances = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : tree.path("services").properties()) {
            if (entry.getValue().path("image").asText().startsWith("leveling/" + service + ":")) {
                instances.add(entry.getKey());
            }
        }
        return instances;
    }
}
