package org.leveling.common.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ChangeTest {

    record Happened(String what) implements DomainEvent {
    }

    @Test
    void eventsAccumulateInTheOrderTheyWereCaused() {
        Change change = Change.of("person", "E1", null, "after")
                .causing(new Happened("first"))
                .causing(Optional.of(new Happened("second")))
                .causing(Optional.empty());

        assertThat(change.events()).containsExactly(new Happened("first"), new Happened("second"));
    }

    @Test
    void aChangeCannotBeAlteredAfterItIsMade() {
        List<DomainEvent> events = new ArrayList<>(List.of(new Happened("first")));
        Change change = new Change("person", "E1", null, null, events);
        events.add(new Happened("later"));

        assertThat(change.events()).containsExactly(new Happened("first"));
        assertThatThrownBy(() -> change.events().add(new Happened("sneaked in")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aChangeNamesWhatItChanged() {
        assertThatThrownBy(() -> Change.of(null, "E1", null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Change.of("person", null, null, null)).isInstanceOf(NullPointerException.class);
    }
}
