package org.leveling.promotion.calibration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Hands the changes this instance hears of to the dashboards connected to it. Every instance hears
 * every change (its feed reads all partitions itself), so a browser may be connected to any of them.
 */
@ApplicationScoped
public class LiveCalibration {

    private final BroadcastProcessor<CalibrationChanged> changes = BroadcastProcessor.create();

    public void changed(CalibrationChanged change) {
        changes.onNext(change);
    }

    /** The changes of one cycle from now on; a slow subscriber gets the latest, and never blocks the feed. */
    public Multi<CalibrationChanged> of(String cycleId) {
        return changes.filter(change -> change.cycleId().equals(cycleId)).onOverflow().dropPreviousItems();
    }
}
