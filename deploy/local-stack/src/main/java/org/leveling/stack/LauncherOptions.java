package org.leveling.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Parses {@code --name value} pairs and bare {@code --flag}s given to a launcher. */
final class LauncherOptions {

    private final Map<String, String> values = new HashMap<>();

    LauncherOptions(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            values.put(name, hasValue ? args[++i] : "true");
        }
    }

    int port(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " <port> is required");
        }
        return Integer.parseInt(value);
    }

    Path directory(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " <directory> is required");
        }
        return Path.of(value).toAbsolutePath();
    }

    String text(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }
}
