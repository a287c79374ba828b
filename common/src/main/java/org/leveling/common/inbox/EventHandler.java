package org.leveling.common.inbox;

import java.util.function.BiConsumer;

/**
 * Applies one event type to this service's state. Implementations are CDI beans (a class, or a
 * producer method returning {@link #of}); the inbox consumer subscribes to the topics they name. {@link #apply} runs inside the inbox transaction,
 * together with the record of the event id, so each event takes effect exactly once.
 *
 * @param <T> the payload record the event's data is read into (bean validation applies to it)
 */
public interface EventHandler<T> {

    String topic();

    /** The CloudEvents type handled, e.g. {@code org.leveling.people.person-upserted.v1}. */
    String eventType();

    Class<T> payloadType();

    void apply(ReceivedEvent event, T payload);

    /**
     * A handler that only hands the payload on, for a CDI producer method: several event types of a
     * topic handled by one class instead of a class each.
     */
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
