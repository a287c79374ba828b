package org.leveling.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.leveling.common.testing.StackProcess;

/**
 * One service started from its built jar ({@code <service>/target/quarkus-app/quarkus-run.jar}).
 * It runs under a small shell that kills it when its standard input closes, so a test JVM that
 * dies for any reason takes its services with it.
 */
final class ServiceProcess {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final String baseUrl;
    private final Path log;

    private ServiceProcess(String name, Process process, String baseUrl, Path log) {
        this.log = log;
        this.name = name;
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static ServiceProcess start(Path root, String name, Map<String, String> environment, int port) {
        ServiceProcess service = launch(root, name, name, environment, port);
        service.awaitReady();
        return service;
    }

    /** Starts the service without waiting for it to be ready; its log is target/e2e/{@code logName}.log. */
    static ServiceProcess launch(Path root, String name, String logName, Map<String, String> environment) {
        return launch(root, name, logName, environment, StackProcess.freePort());
    }

    /** As {@link #launch(Path, String, String, Map)}, on a given HTTP port (an instance restarted where it ran). */
    static ServiceProcess launch(Path root, String name, String logName, Map<String, String> environment, int port) {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (mvn verify or "
                    + "mvn -DskipTests package from the repository root)");
        }
        Path log = root.resolve("deploy/e2e/target/e2e").resolve(logName + ".log");
        try {
            Files.createDirectories(log.getParent());
            // Tests start quickly with C1 only; benchmarks run the services as deployed (bench profile).
            String jvmOptions = System.getProperty("leveling.service.jvm-options", "-Xmx384m -XX:TieredStopAtLevel=1");
            ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                    "\"$0\" $2 -jar \"$1\" & child=$!; cat > /dev/null; kill $child 2>/dev/null; wait $child",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), jar.toString(), jvmOptions)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("HTTP_PORT", Integer.toString(port));
            return new ServiceProcess(name, builder.start(), "http://127.0.0.1:" + port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    void stop() {
        StackProcess.stopByClosingInput(process, 30);
    }

    /** SIGKILL, as when the machine under it dies: no shutdown hooks, no clean close of anything. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The service JVM's resident set (VmRSS) now, in kilobytes: the java child of the wrapping shell. */
    long rssKilobytes() {
        ProcessHandle java = process.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow(() -> new IllegalStateException(name + " has no running JVM"));
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(java.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .orElseThrow(() -> new IllegalStateException("no VmRSS for " + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during startup; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            // Waiting on the process (not a bare sleep) also notices an early exit.
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not ready after " + READY_TIMEOUT.toSeconds() + " s; see " + log);
    }
}
