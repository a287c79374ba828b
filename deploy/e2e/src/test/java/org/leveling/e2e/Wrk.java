package org.leveling.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Saturating HTTP load from wrk (https://github.com/wg/wrk; Debian package {@code wrk}): a native
 * load generator, as pgbench is for the database, so that the service being measured does not
 * share the machine's cores with a JVM HTTP client. Each connection is HTTP/1.1 keep-alive; the
 * requests cycle through the given variants (e.g. one per subject, each with its own token).
 */
final class Wrk {

    /** One request: its headers and body (null for none); also what {@link PacedHttp} sends. */
    record Variant(List<String[]> headers, String body) {
    }

    /** What one run measured. */
    record Result(double requestsPerSecond, long requests) {
    }

    private Wrk() {
    }

    static boolean available() {
        try {
            Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            process.waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Sends {@code method url} back to back on {@code connections} connections (two wrk threads)
     * for {@code duration}; fails when any answer is not 2xx or a socket error happened.
     */
    static Result run(String method, String url, List<Variant> variants, int connections, Duration duration)
            throws Exception {
        Path script = Files.createTempFile("wrk", ".lua");
        Files.writeString(script, script(method, variants));
        try {
            if (duration.toSeconds() > 5) {
                // wrk reports a broken script or refused requests only at the end: find out in one second.
                wrk(script, url, connections, Duration.ofSeconds(1));
            }
            return wrk(script, url, connections, duration);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static Result wrk(Path script, String url, int connections, Duration duration) throws Exception {
        Process process = new ProcessBuilder("wrk", "-t", Integer.toString(Math.min(2, connections)), "-c",
                Integer.toString(connections), "-d", duration.toSeconds() + "s", "--timeout", "10s", "-s",
                script.toString(), url).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        if (output.contains("Non-2xx") || output.contains("Socket errors") || output.contains(".lua:")) {
            throw new IllegalStateException("Requests failed under load:\n" + output);
        }
        Matcher rate = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
        Matcher count = Pattern.compile("(\\d+) requests in").matcher(output);
        if (!rate.find() || !count.find()) {
            throw new IllegalStateException("No rate in wrk's output:\n" + output);
        }
        return new Result(Double.parseDouble(rate.group(1)), Long.parseLong(count.group(1)));
    }

    private static String script(String method, List<Variant> variants) {
        List<String> requests = new ArrayList<>();
        for (Variant variant : variants) {
            String headers = variant.headers().stream().map(h -> "[ " + lua(h[0]) + " ] = " + lua(h[1]))
                    .collect(Collectors.joining(", "));
            requests.add("wrk.format(" + lua(method) + ", nil, {" + headers + "}, "
                    + (variant.body() == null ? "nil" : lua(variant.body())) + ")");
        }
        // Requests are formatted once per thread; each request() then only picks the next one.
        return String.join("\n",
                "local requests, next = nil, 0",
                "function init(args) requests = {" + String.join(", ", requests) + "} end",
                "function request() next = next % #requests + 1; return requests[next] end", "");
    }

    /** A Lua long-bracket string literal that cannot be closed by its content. */
    private static String lua(String value) {
        String level = "=";
        while (value.contains("]" + level + "]")) {
            level += "=";
        }
        return "[" + level + "[" + value + "]" + level + "]";
    }
}
