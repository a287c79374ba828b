package org.leveling.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client of a Server-Sent Events stream, as a dashboard reads one: with a bearer token, the data
 * of each event read as JSON, each with the moment it arrived.
 */
public final class EventStreamClient implements AutoCloseable {

    /** One event's data and when it arrived ({@link System#nanoTime()}). */
    public record Received(JsonNode data, long arrivedNanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
    private final BufferedReader body;
    private final Thread reader;

    private EventStreamClient(BufferedReader body) {
        this.body = body;
        reader = new Thread(this::read, "event-stream-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream; fails unless it answers 200 with {@code text/event-stream}. */
    public static EventStreamClient open(URI uri, String token) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as("status of " + uri).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        return new EventStreamClient(new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8)));
    }

    private void read() {
        try {
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                if (line.startsWith("data:")) {
                    events.add(new Received(JSON.readTree(line.substring("data:".length()).strip()), System.nanoTime()));
                }
            }
        } catch (Exception e) {
            // The stream was closed.
        }
    }

    /** The next event, waiting up to {@code timeout}; fails when none comes. */
    public Received next(Duration timeout) throws InterruptedException {
        Received event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an event within " + timeout).isNotNull();
        return event;
    }

    /** The next event whose {@code field} is not {@code skipped} (e.g. heartbeats). */
    public Received nextWithout(String field, String skipped, Duration timeout) throws InterruptedException {
        Received event = next(timeout);
        while (skipped.equals(event.data().path(field).asText())) {
            event = next(timeout);
        }
        return event;
    }

    @Override
    public void close() throws Exception {
        body.close();
        reader.interrupt();
    }
}
