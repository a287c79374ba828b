package org.leveling.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The instructions of a Dockerfile this check cares about, continuation lines joined. */
record ImageDefinition(String user, String healthCheck, List<Integer> exposedPorts, List<String> copiedFrom) {

    static ImageDefinition read(Path dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try {
            for (String line : Files.readAllLines(dockerfile)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || trimmed.isEmpty() && current.isEmpty()) {
                    continue;
                }
                if (trimmed.endsWith("\\")) {
                    current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                    continue;
                }
                instructions.add(current.append(trimmed).toString());
                current.setLength(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String user = "";
        String healthCheck = "";
        List<Integer> ports = new ArrayList<>();
        List<String> copied = new ArrayList<>();
        for (String instruction : instructions) {
            String[] words = instruction.split("\\s+");
            switch (words[0].toUpperCase()) {
                case "USER" -> user = words[1];
                case "HEALTHCHECK" -> healthCheck = instruction;
                case "EXPOSE" -> ports.add(Integer.parseInt(words[1]));
                case "COPY" -> copied.add(words[words.length - 2]);
                default -> {
                }
            }
        }
        return new ImageDefinition(user, healthCheck, ports, copied);
    }
}
