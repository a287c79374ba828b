package org.leveling.common.inbox;

/** An event that no retry can apply (unreadable envelope or payload): it is parked at once. */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }
}
