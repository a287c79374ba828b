package org.leveling.common.tracing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * Carries a trace across the asynchronous hop: the request's W3C trace context is stored with the
 * outbox row, the relay publishes each record in a producer span that continues it (its
 * {@code traceparent}/{@code tracestate} record headers), and the inbox handles each record in a
 * consumer span that continues the producer's. With the SDK off (the default) every call here is
 * a no-op that stores and sends nothing.
 */
@ApplicationScoped
public class EventTracing {

    private static final String INSTRUMENTATION = "org.leveling.common";
    private static final String MESSAGING_SYSTEM = "messaging.system";
    private static final String DESTINATION = "messaging.destination.name";
    private static final String MESSAGE_ID = "messaging.message.id";

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final TextMapPropagator propagator;
    private final Tracer tracer;

    public EventTracing(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
    }

    /**
     * The current trace context as W3C headers ({@code traceparent}, and {@code tracestate} when
     * set), to store with an outbox row; empty outside a sampled trace.
     */
    public Map<String, String> currentContext() {
        Map<String, String> context = new LinkedHashMap<>();
        propagator.inject(Context.current(), context, Map::put);
        return context;
    }

    /**
     * Starts the producer span of one record continuing the trace stored with its outbox row, and
     * writes that span's context onto the record headers. The caller ends the span once sent.
     */
    public Span startPublishing(Map<String, String> storedContext, String topic, String eventId, Headers headers) {
        Span span = tracer.spanBuilder("publish " + topic)
                .setParent(propagator.extract(Context.root(), storedContext, FROM_MAP))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(MESSAGE_ID, eventId)
                .startSpan();
        propagator.inject(Context.root().with(span), headers,
                (carrier, key, value) -> {
                    carrier.remove(key);
                    carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
                });
        return span;
    }

    /**
     * A trace context in the form the outbox column {@code tracingspancontext} keeps it: Java
     * properties text, as Debezium's outbox event router reads that column; null when empty.
     */
    public static String stored(Map<String, String> context) {
        if (context.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        context.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** The trace context kept in an outbox row's {@code tracingspancontext}; empty when there is none. */
    public static Map<String, String> fromStored(String stored) {
        Map<String, String> context = new LinkedHashMap<>();
        if (stored == null) {
            return context;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(stored));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.stringPropertyNames().forEach(key -> context.put(key, properties.getProperty(key)));
        return context;
    }

    /** The W3C trace context headers of a consumed record, as they came. */
    public static Map<String, String> contextOf(Headers headers) {
        Map<String, String> context = new LinkedHashMap<>();
        for (String key : new String[] {"traceparent", "tracestate"}) {
            Header header = headers.lastHeader(key);
            if (header != null && header.value() != null) {
                context.put(key, new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return context;
    }

    /**
     * Runs the handling of one consumed event in a consumer span continuing the producer's trace,
     * so the outbox rows the handling writes continue it too.
     */
    public <T> T handling(Map<String, String> recordContext, String topic, String eventId, String type,
            Supplier<T> handling) {
        Span span = tracer.spanBuilder("process " + topic)
                .setParent(propagator.extract(Context.root(), recordContext, FROM_MAP))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(MESSAGE_ID, eventId)
                .setAttribute("cloudevents.event_type", type)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return handling.get();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
