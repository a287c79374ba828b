package org.leveling.promotion.calibration;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How calibration protects individuals and what it calls an outlier (docs/services/promotion-service.md). */
@ConfigMapping(prefix = "leveling.calibration")
public interface CalibrationSettings {

    /** Groups with fewer nominations are suppressed in aggregate views and never flagged as outliers. */
    @WithDefault("5")
    int minimumGroupSize();

    /** A group whose promotion rate differs from the cycle's by more than this (0..1) is an outlier. */
    @WithDefault("0.15")
    BigDecimal outlierMargin();
}
