package org.leveling.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Launch → live, launch → ready and memory after start of each service against the startup
 * baseline — a Quarkus application with the same extensions and no code of ours
 * (deploy/startup-baseline) — side by side on the same database and broker (deploy/bench/startup
 * runs it; reported, never asserted). Each application is launched alone, in turns, several
 * rounds; the first launch of each (schema migrations, cold file cache) is not counted. RSS is the
 * JVM's resident set right after it became ready.
 */
class StartupBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final List<String> APPLICATIONS = List.of("deploy/startup-baseline", "levels-service",
            "evidence-service", "promotion-service");

    private final Path root = Path.of(System.getProperty("leveling.root.dir"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** One launch: seconds to the first live answer and to ready, and the RSS then. */
    record Launch(double live, double ready, long rssKilobytes) {
    }

    @Test
    void servicesAgainstABareQuarkusApplication() throws Exception {
        Platform platform = Platform.start(Map.of());
        Map<String, List<Launch>> launches = new LinkedHashMap<>();
        for (String application : APPLICATIONS) {
            launch(platform, application, "warm-up"); // migrations, class data in the page cache
            launches.put(application, new ArrayList<>());
        }
        for (int round = 1; round <= ROUNDS; round++) {
            for (String application : APPLICATIONS) {
                launches.get(application).add(launch(platform, application, "round-" + round));
            }
        }

        Launch baseline = median(launches.get(APPLICATIONS.get(0)));
        StringBuilder report = new StringBuilder(String.format(
                "Startup benchmark — %s, %d cores; JVM options: %s; median of %d launches each, one at a time%n"
                        + "%-18s %9s %9s %9s   %s%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("leveling.service.jvm-options", "-Xmx384m -XX:TieredStopAtLevel=1"), ROUNDS,
                "application", "live s", "ready s", "RSS MB", "ready / baseline, RSS / baseline"));
        for (String application : APPLICATIONS) {
            Launch m = median(launches.get(application));
            report.append(String.format("%-18s %9.2f %9.2f %9.0f   %.2f, %.2f%n", name(application), m.live(),
                    m.ready(), m.rssKilobytes() / 1024.0, m.ready() / baseline.ready(),
                    (double) m.rssKilobytes() / baseline.rssKilobytes()));
        }
        report.append("per launch (ready s): ");
        launches.forEach((application, list) -> report.append(name(application)).append(' ')
                .append(list.stream().map(l -> String.format("%.2f", l.ready())).toList()).append("; "));
        System.out.println(report);
        Path out = root.resolve("deploy/e2e/target/bench/startup.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + System.lineSeparator());
    }

    private static String name(String application) {
        return application.substring(application.lastIndexOf('/') + 1);
    }

    private Launch launch(Platform platform, String application, String label) throws Exception {
        long start = System.nanoTime();
        ServiceProcess process = ServiceProcess.launch(root, application, "startup-" + name(application) + "-" + label,
                platform.serviceEnvironment());
        try {
            double live = secondsUntil200(process, "/q/health/live", start);
            double ready = secondsUntil200(process, "/q/health/ready", start);
            return new Launch(live, ready, process.rssKilobytes());
        } finally {
            process.stop();
        }
    }

    private double secondsUntil200(ServiceProcess process, String path, long start) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(process.baseUrl() + path))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = start + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (java.io.IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(process.baseUrl() + path + " not 200 after 120 s");
    }

    /** The launch with the median ready time; live and RSS medians taken apart. */
    private static Launch median(List<Launch> launches) {
        List<Double> live = new ArrayList<>(launches.stream().map(Launch::live).toList());
        List<Double> ready = new ArrayList<>(launches.stream().map(Launch::ready).toList());
        List<Long> rss = new ArrayList<>(launches.stream().map(Launch::rssKilobytes).toList());
        Collections.sort(live);
        Collections.sort(ready);
        Collections.sort(rss);
        int middle = launches.size() / 2;
        return new Launch(live.get(middle), ready.get(middle), rss.get(middle));
    }
}
