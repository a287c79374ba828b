package org.leveling.promotion.calibration;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change committed that moves a cycle's calibration numbers: the dashboard reads them again. It
 * carries no numbers and no case, so it tells a subscriber no more than its own view will.
 */
@Schema(name = "CalibrationChanged")
public record CalibrationChanged(
        @Schema(description = "The cycle whose numbers changed") String cycleId,
        @Schema(description = "What changed: SUBMITTED, WITHDRAWN, DECIDED or APPEAL_DECIDED; CONNECTED first on "
                + "every (re)connection, so a client reads the numbers it may have missed") String change,
        @Schema(description = "When the change committed (the event's ce_time), or when the stream connected")
        Instant at) {
}
