package org.leveling.e2e;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Latency at a fixed rate, sent from one Vert.x event loop over a pool of keep-alive HTTP/1.1
 * connections: no thread per request, so the load generator stays light next to the service on
 * a 2-core machine (the JDK HttpClient took about a quarter of the CPU). Each latency is measured
 * from the moment the request was due, so a request waiting for a free connection counts its
 * wait (no coordinated omission).
 *
 * <p>The requests not counted and the measured ones are one stream on the same connections: a new
 * client for the measurement would open its connections and start its event loop inside it
 * (measured: the first 10–40 requests of a fresh client took 20–45 ms, up to 1.5 % of a
 * 3,000-request run, enough to set its p99 alone).
 */
final class PacedHttp {

    private PacedHttp() {
    }

    /**
     * Sends {@code notCounted + measured} requests at {@code rate} per second, cycling through
     * {@code requests}, and returns the latencies of the last {@code measured}.
     */
    static Load.Latency post(URI uri, List<Wrk.Variant> requests, double rate, int notCounted, int measured,
            int connections) throws Exception {
        return Load.percentiles(send(uri, requests, rate, notCounted, measured, connections));
    }

    /**
     * Sends {@code total} requests at {@code rate} per second and forgets their latencies: the JIT compiles
     * this client's code (Vert.x, Netty) while it runs. Cold, the client took 50–120 % of a core for half a
     * minute, on the machine whose latency it measures (per-process CPU from /proc, 2026-11-28).
     */
    static void warmUp(URI uri, List<Wrk.Variant> requests, double rate, int total, int connections)
            throws Exception {
        send(uri, requests, rate, total, 0, connections);
    }

    private static List<Double> send(URI uri, List<Wrk.Variant> requests, double rate, int notCounted, int measured,
            int connections) throws Exception {
        int total = notCounted + measured;
        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost())
                .setDefaultPort(uri.getPort()).setKeepAlive(true).setMaxPoolSize(connections));
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        long start = System.nanoTime();
        int[] issued = {0};
        try {
            // Every millisecond, issue the requests that have come due since the last tick.
            vertx.setPeriodic(1, timer -> {
                long due = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * rate) + 1);
                while (issued[0] < due) {
                    long dueAt = start + (long) (issued[0] / rate * 1e9);
                    Wrk.Variant request = requests.get(issued[0] % requests.size());
                    boolean counted = issued[0] >= notCounted;
                    issued[0]++;
                    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(path);
                    request.headers().forEach(h -> options.addHeader(h[0], h[1]));
                    client.request(options)
                            .compose(r -> r.send(Buffer.buffer(request.body())))
                            .compose(response -> response.body().map(body -> {
                                if (response.statusCode() / 100 != 2) {
                                    failures.add(response.statusCode() + " " + body);
                                }
                                return body;
                            }))
                            .onComplete(result -> {
                                if (counted) {
                                    latencies.add((System.nanoTime() - dueAt) / 1e6);
                                }
                                if (result.failed()) {
                                    failures.add(String.valueOf(result.cause()));
                                }
                                if (done.incrementAndGet() == total) {
                                    finished.complete(null);
                                }
                            });
                }
                if (issued[0] >= total) {
                    vertx.cancelTimer(timer);
                }
            });
            finished.get(10, TimeUnit.MINUTES);
        } finally {
            client.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " requests failed, e.g. " + failures.peek());
        }
        return new ArrayList<>(latencies);
    }
}
