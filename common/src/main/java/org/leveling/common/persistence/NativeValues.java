package org.leveling.common.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Columns read by native queries come back as JDBC or java.time types depending on the driver and
 * Hibernate version; these read them as the java.time types the code works with.
 */
public final class NativeValues {

    private NativeValues() {
    }

    /** A {@code timestamptz} column as an instant; null stays null. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        return value instanceof OffsetDateTime offset ? offset.toInstant() : ((Timestamp) value).toInstant();
    }

    /** A {@code date} column as a local date; null stays null. */
    public static LocalDate date(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
