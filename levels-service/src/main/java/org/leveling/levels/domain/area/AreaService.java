package org.leveling.levels.domain.area;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.persistence.KnownEntity;
import org.leveling.common.persistence.OptionalConditions;
import org.leveling.common.problem.Problem.FieldViolation;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;
import org.leveling.common.security.CurrentUser;
import org.leveling.levels.domain.Person;

import io.quarkus.panache.common.Sort;

/** Areas of Responsibility: exactly one owner at a time, every hand-over kept in the history. */
@ApplicationScoped
public class AreaService {

    private final ChangeRecorder changes;
    private final Clock clock;

    public AreaService(ChangeRecorder changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public Area create(String key, String name, String description, String ownerId) {
        requirePerson(ownerId);
        if (Area.findById(key) != null) {
            throw ProblemException.conflict("An area with key '" + key + "' exists already.");
        }
        Instant now = clock.instant();
        Area area = Area.create(key, name, description, ownerId, now);
        try {
            area.persistAndFlush();
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict("An area with key '" + key + "' was created concurrently.");
        }
        AreaOwnership.of(key, ownerId, now, changedBy()).persist();
        changes.record(Change.of("area", key, null, new Snapshot(key, name, description, ownerId))
                .causing(new AreaOwnerChanged(key, name, ownerId, null, area.revision(), now)));
        return area;
    }

    /** Hands the area to {@code ownerId}; handing it to its current owner changes nothing. */
    @Transactional
    public Area changeOwner(String key, String ownerId) {
        Area area = KnownEntity.lockedById(Area.class, "area", key);
        requirePerson(ownerId);
        String previous = area.ownerId();
        Instant now = clock.instant();
        boolean handedOver = area.handOver(ownerId, now);
        Change change = Change.of("area", key, new Snapshot(key, area.name(), area.description(), previous),
                new Snapshot(key, area.name(), area.description(), area.ownerId()));
        if (handedOver) {
            AreaOwnership.of(key, ownerId, now, changedBy()).persist();
            change = change.causing(new AreaOwnerChanged(key, area.name(), ownerId, previous, area.revision(), now));
        }
        changes.record(change);
        return area;
    }

    @Transactional
    public Area get(String key) {
        return KnownEntity.byId(Area.class, "area", key);
    }

    /** Areas by key, optionally only those whose name contains {@code text} or that {@code ownerId} owns. */
    @Transactional
    public List<Area> list(String text, String ownerId, String afterKey, int limit) {
        OptionalConditions conditions = new OptionalConditions().equal("ownerId", ownerId);
        if (text != null && !text.isBlank()) {
            conditions.and("lower(name) like :text", Map.of("text", "%" + text.strip().toLowerCase()
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"));
        }
        if (afterKey != null) {
            conditions.and("areaKey > :after", Map.of("after", afterKey));
        }
        return Area.<Area>find(conditions.query(), Sort.by("areaKey"), conditions.parameters()).page(0, limit).list();
    }

    @Transactional
    public List<AreaOwnership> history(String key) {
        get(key);
        return AreaOwnership.list("areaKey = ?1", Sort.by("id"), key);
    }

    private static void requirePerson(String ownerId) {
        if (Person.findById(ownerId) == null) {
            throw new ProblemException(400, ProblemType.VALIDATION_FAILED, "The owner is not valid.",
                    List.of(new FieldViolation("ownerId", "no person with id '" + ownerId + "'")));
        }
    }

    private static String changedBy() {
        return CurrentUser.ofCurrentRequest().employeeId();
    }

    /** What the audit trail records of an area. */
    record Snapshot(String key, String name, String description, String ownerId) {
    }
}
