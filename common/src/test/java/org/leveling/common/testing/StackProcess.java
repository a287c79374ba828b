package org.leveling.common.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A launcher from deploy/local-stack (Kafka broker or PostgreSQL) running in its own JVM. The
 * child watches its standard input, which this JVM holds: when the test JVM ends for any reason,
 * even SIGKILL, the pipe closes and the child stops its server and exits.
 */
public final class StackProcess {

    private static final long READY_TIMEOUT_SECONDS = 120;
    /**
     * Launchers start quickly (C1 only, serial GC) unless {@code -Dleveling.stack.jvm-options=...} says
     * otherwise (e.g. GC logs for a benchmark; a broker with full JIT is still compiling through the short
     * event-backbone benchmark, p50 latency 46 → 61 ms).
     */
    private static final String QUICK_START = "-Xms64m -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final String name;
    private final Process process;
    private final String readyValue;

    private StackProcess(String name, Process process, String readyValue) {
        this.name = name;
        this.process = process;
        this.readyValue = readyValue;
    }

    /** Starts {@code mainClass} with {@code args} and waits for its {@code READY <value>} line. */
    static StackProcess start(String name, String mainClass, List<String> jvmOptions, List<String> args) {
        Path stackDir = stackDirectory();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("leveling.stack.jvm-options", QUICK_START).trim().split("\\s+")));
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + workDirectory());
        command.addAll(List.of("-cp", launcherClasspath(stackDir), mainClass, "--watch-stdin"));
        command.addAll(args);
        Path log = workDirectory().resolve(name + ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .start();
            String value = awaitReady(name, process, log);
            return new StackProcess(name, process, value);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    long pid() {
        return process.pid();
    }

    String readyValue() {
        return readyValue;
    }

    void stop() {
        stopByClosingInput(process, 60);
    }

    /** SIGKILL, and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops a child that watches its standard input (launchers here, services in deploy/e2e):
     * closes the input, waits for a clean exit, and kills it only if that takes too long.
     */
    public static void stopByClosingInput(Process process, int timeoutSeconds) {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A free TCP port on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a stopped server's data; a leftover is only disk space, so failures are ignored. */
    static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Left for mvn clean.
        }
    }

    static Path workDirectory() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "test-stack");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String awaitReady(String name, Process process, Path log) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (logWriter) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (!ready.isDone() && line.startsWith("READY ")) {
                        ready.complete(line.substring("READY ".length()).trim());
                    }
                    logWriter.write(line);
                    logWriter.write(System.lineSeparator());
                    logWriter.flush();
                }
            } catch (IOException ignored) {
                // The child is gone; the exit check below reports it.
            }
            ready.completeExceptionally(new IllegalStateException(
                    name + " exited before it was ready; see " + log));
        }, name + "-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " was not ready after " + READY_TIMEOUT_SECONDS + " s; see " + log);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting " + name);
        }
    }

    private static Path stackDirectory() {
        String dir = System.getProperty("leveling.stack.dir");
        if (dir == null) {
            throw new IllegalStateException("System property leveling.stack.dir is not set: run the tests through "
                    + "Maven from the repository root (mvn verify), which builds deploy/local-stack first.");
        }
        return Path.of(dir);
    }

    private static String launcherClasspath(Path stackDir) {
        Path classpathFile = stackDir.resolve("local-stack.classpath");
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: build deploy/local-stack first "
                    + "(mvn verify from the repository root does).");
        }
        try {
            return stackDir.resolve("classes") + java.io.File.pathSeparator + Files.readString(classpathFile).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
