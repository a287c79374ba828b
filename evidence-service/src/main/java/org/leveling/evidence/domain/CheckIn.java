package org.leveling.evidence.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A manager's check-in with a report: notes and a rating per competency against a target level. Append-only. */
@Entity
@Table(name = "check_in")
public class CheckIn extends PanacheEntityBase {

    public enum RatingValue { BELOW, MEETS, EXCEEDS }

    public record Rating(String competency, RatingValue rating) {
    }

    @Id
    private String id;
    @Column(name = "subject_id", updatable = false)
    private String subjectId;
    @Column(name = "manager_id", updatable = false)
    private String managerId;
    @Column(name = "check_in_date", updatable = false)
    private LocalDate date;
    @Column(updatable = false)
    private String notes;
    @Column(name = "framework_key", updatable = false)
    private String frameworkKey;
    @Column(name = "framework_version", updatable = false)
    private int frameworkVersion;
    @Column(name = "target_level", updatable = false)
    private String targetLevel;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    private List<Rating> ratings;
    @Column(name = "recorded_at", updatable = false)
    private Instant recordedAt;

    protected CheckIn() {
        // For Hibernate.
    }

    public static CheckIn record(String id, String subjectId, String managerId, LocalDate date, String notes,
            String frameworkKey, int frameworkVersion, String targetLevel, List<Rating> ratings, Instant now) {
        CheckIn checkIn = new CheckIn();
        checkIn.id = id;
        checkIn.subjectId = subjectId;
        checkIn.managerId = managerId;
        checkIn.date = date;
        checkIn.notes = notes;
        checkIn.frameworkKey = frameworkKey;
        checkIn.frameworkVersion = frameworkVersion;
        checkIn.targetLevel = targetLevel;
        checkIn.ratings = List.copyOf(ratings);
        checkIn.recordedAt = now;
        return checkIn;
    }

    /** A person's check-ins, the latest first. */
    public static List<CheckIn> of(String subjectId) {
        return list("subjectId", Sort.descending("date", "recordedAt"), subjectId);
    }

    /** A place in a person's check-ins, the latest first: after (older than) this one. */
    public record Position(LocalDate date, Instant recordedAt, String id) {
    }

    /** Up to {@code limit} of a person's check-ins, the latest first, after {@code after} (null: from the latest). */
    public static List<CheckIn> page(String subjectId, Position after, int limit) {
        Sort latestFirst = Sort.descending("date", "recordedAt", "id");
        return (after == null ? CheckIn.<CheckIn>find("subjectId = ?1", latestFirst, subjectId)
                : CheckIn.<CheckIn>find("subjectId = ?1 and (date < ?2 or (date = ?2 and (recordedAt < ?3 "
                        + "or (recordedAt = ?3 and id < ?4))))", latestFirst, subjectId, after.date(),
                        after.recordedAt(), after.id()))
                .page(0, limit).list();
    }

    public String id() {
        return id;
    }

    public String subjectId() {
        return subjectId;
    }

    public String managerId() {
        return managerId;
    }

    public LocalDate date() {
        return date;
    }

    public String notes() {
        return notes;
    }

    public String frameworkKey() {
        return frameworkKey;
    }

    public int frameworkVersion() {
        return frameworkVersion;
    }

    public String targetLevel() {
        return targetLevel;
    }

    public List<Rating> ratings() {
        return ratings;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
