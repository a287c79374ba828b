package org.leveling.common.inbox;

/**
 * Applies one event type to this service's state. Implementations are CDI beans; the inbox
 * consumer subscribes to the topics they name. {@link #apply} runs inside the inbox transaction,
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
}
