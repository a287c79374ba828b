package org.leveling.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Load for the benchmarks: maximum rate with a number of clients, and latency at a fixed rate. */
final class Load {

    private Load() {
    }

    /** One request; throws when it did not succeed. */
    @FunctionalInterface
    interface Request {
        void send() throws Exception;
    }

    /** Latency percentiles of a paced run, in milliseconds. */
    record Latency(double p50, double p99, int samples) {
    }

    /** Requests per second with {@code clients} threads sending {@code requests} back to back. */
    static double saturate(Request request, int requests, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                while (next.getAndIncrement() < requests) {
                    request.send();
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return requests / ((System.nanoTime() - start) / 1e9);
    }

    /** Latency of {@code requests} requests started at a fixed {@code rate} per second (not waiting for each other). */
    static Latency paced(Request request, double rate, int requests, int threads) throws Exception {
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(threads);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(requests);
        AtomicInteger issued = new AtomicInteger();
        pacer.scheduleAtFixedRate(() -> {
            if (issued.getAndIncrement() < requests) {
                pacer.execute(() -> {
                    long start = System.nanoTime();
                    try {
                        request.send();
                        latencies.add((System.nanoTime() - start) / 1e6);
                    } catch (Exception e) {
                        failures.add(e);
                    } finally {
                        done.countDown();
                    }
                });
            }
        }, 0, (long) (1_000_000 / rate), TimeUnit.MICROSECONDS);
        done.await(10, TimeUnit.MINUTES);
        pacer.shutdownNow();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " requests failed", failures.get(0));
        }
        return percentiles(latencies);
    }

    /** Latency of {@code requests} requests sent one after the other. */
    static Latency sequential(Request request, int requests) throws Exception {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            request.send();
            latencies.add((System.nanoTime() - start) / 1e6);
        }
        return percentiles(latencies);
    }

    static Latency percentiles(List<Double> latencies) {
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Latency(sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                sorted.size());
    }
}
