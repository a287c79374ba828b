package org.leveling.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smallrye.config.WithDefault;

import org.leveling.common.events.MessagingConfig;

/**
 * What a service reads from its environment, taken from its own configuration files (the service's
 * application.properties over the library's shared defaults), so the deployment files are checked
 * against the configuration itself and cannot drift from it.
 */
record ServiceConfiguration(String name, Map<String, Optional<String>> environment, List<String> topics) {

    static final List<String> SERVICES = List.of("levels-service", "evidence-service", "promotion-service");

    /** An environment reference in a property value: {@code ${NAME}} or {@code ${NAME:default}}. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    static List<ServiceConfiguration> all() {
        return SERVICES.stream().map(ServiceConfiguration::of).toList();
    }

    static ServiceConfiguration of(String service) {
        Path root = RepositoryFiles.root();
        Properties merged = new Properties();
        merged.putAll(load(root.resolve("common/src/main/resources/META-INF/microprofile-config.properties")));
        merged.putAll(load(root.resolve(service).resolve("src/main/resources/application.properties")));
        Map<String, Optional<String>> environment = new LinkedHashMap<>();
        List<String> topics = new ArrayList<>();
        merged.stringPropertyNames().stream().sorted().forEach(key -> {
            if (key.startsWith("%")) {
                return; // test and dev profiles never run in a deployment
            }
            Matcher reference = ENV_REFERENCE.matcher(merged.getProperty(key));
            while (reference.find()) {
                environment.put(reference.group(1), Optional.ofNullable(reference.group(2)));
            }
            if (key.equals("leveling.messaging.topics.provision")) {
                Arrays.stream(merged.getProperty(key).split(",")).map(String::trim).forEach(topics::add);
            }
        });
        return new ServiceConfiguration(service, environment, List.copyOf(topics));
    }

    /** The variables a service cannot start without: referenced with no default. */
    List<String> requiredEnvironment() {
        return environment.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    /** The HTTP port the service listens on when HTTP_PORT is not set. */
    int httpPort() {
        return Integer.parseInt(environment.get("HTTP_PORT").orElseThrow());
    }

    /** Partitions of the topics the services create: the library's default, as the services read it. */
    static int topicPartitions() {
        try {
            return Integer.parseInt(MessagingConfig.Topics.class.getMethod("partitions")
                    .getAnnotation(WithDefault.class).value());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return properties;
    }
}
