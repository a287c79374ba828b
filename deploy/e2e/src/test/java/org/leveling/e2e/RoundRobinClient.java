package org.leveling.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Client-side load balancing over the instances of one service, as a load balancer in front of
 * them would do it: requests take turns, and one an instance could not answer (refused, reset,
 * timed out: it died) goes to the next instance. Only for idempotent requests — PUTs and POSTs
 * with an Idempotency-Key — since the dead instance may have committed before it died.
 */
final class RoundRobinClient {

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(90);

    private final List<String> instances;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong failovers = new AtomicLong();

    RoundRobinClient(List<String> instanceBaseUrls) {
        this.instances = List.copyOf(instanceBaseUrls);
    }

    /** The answer of the first instance that gave one; {@code request} builds the request for an instance's base URI. */
    HttpResponse<String> send(Function<URI, HttpRequest.Builder> request) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        int instance = Math.floorMod(next.getAndIncrement(), instances.size());
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                return http.send(request.apply(URI.create(instances.get(instance))).timeout(Duration.ofSeconds(20))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
                failovers.incrementAndGet();
                instance = (instance + 1) % instances.size();
                if (instance == 0) {
                    Thread.sleep(100); // every instance refused: give a restarting one a moment
                }
            }
        }
        throw new IllegalStateException("No instance answered within " + GIVE_UP_AFTER.toSeconds() + " s", last);
    }

    /** Requests sent again to another instance because one did not answer. */
    long failovers() {
        return failovers.get();
    }
}
