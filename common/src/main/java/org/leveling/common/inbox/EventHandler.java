package org.leveling.common.inbox;

import java.util.function.BiConsumer;

/**
 * Applies one event type to this service's state. Every handler is declared the same way: a CDI
 * producer method returning {@link #of}, in the one class that reads an upstream's events
 * ({@code messaging/in/<Upstream>Events} in a service, {@code PeopleDirectoryEvents} and
 * {@code FrameworkCatalogEvents} in common). The inbox consumer subscribes to the topics they name.
 * {@link #apply} runs inside the inbox transaction, together with the record of the event id, so
 * each event takes effect exactly once.
 *
 * @param <T> the payload record the event's data is read into (bean validation applies to it)
 */
public interface EventHandler<T> {

    String topic();

    /** The CloudEvents type handled, e.g. {@code org.leveling.people.person-upserted.v1}. */
    String eventType();

    Class<T> payloadType();

    void apply(ReceivedEvent event, T payload);

    /** The handler of {@code eventType} on {@code topic}: {@code apply} gets the event and its payload. */
    static <T> EventHandler<T> of(String topic, String eventType, Class<T> payloadType,
            BiConsumer<ReceivedEvent, T> apply) {
        return new EventHandler<>() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public String eventType() {
                return eventType;
            }

            @Override
            public Class<T> payloadType() {
                return payloadType;
            }

            @Override
            public void apply(ReceivedEvent event, T payload) {
                apply.accept(event, payload);
            }
        };
    }
}
