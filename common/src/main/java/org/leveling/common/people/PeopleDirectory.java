package org.leveling.common.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.leveling.common.persistence.Jdbc;
import org.leveling.common.persistence.NativeValues;
import org.leveling.common.security.ManagementChains;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.arc.DefaultBean;

/**
 * The people read model a service keeps from levels-service's person events: who exists, who
 * manages whom, and the management chain above anyone (for authorization and conflicts of
 * interest). Table {@code directory_person}, migration location {@code db/people-directory}.
 * A default bean: a service that owns people (levels-service) provides its own
 * {@link ManagementChains} and this one is not used there.
 */
@ApplicationScoped
@DefaultBean
public class PeopleDirectory implements ManagementChains {

    private static final int MAX_KNOWN_IDS = 100_000;

    private final EntityManager entityManager;
    // People are only ever added or updated here, never removed: an id once found stays known, so this
    // needs no invalidation. Only hits are kept (a person not known yet may arrive with the next event).
    private final Cache<String, Boolean> knownIds = Caffeine.newBuilder().maximumSize(MAX_KNOWN_IDS).build();

    public PeopleDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Applies an upsert unless the directory already holds the same or a newer revision of the
     * person, so replays and late duplicates change nothing. Returns whether the person changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(PersonUpserted person, String eventId) {
        return entityManager.createNativeQuery("""
                INSERT INTO directory_person (employee_id, name, manager_id, org_unit, job_family, track, revision,
                                              source_event_id)
                VALUES (:id, :name, :manager, :orgUnit, :jobFamily, :track, :revision, :eventId)
                ON CONFLICT (employee_id) DO UPDATE SET
                    name = EXCLUDED.name, manager_id = EXCLUDED.manager_id, org_unit = EXCLUDED.org_unit,
                    job_family = EXCLUDED.job_family, track = EXCLUDED.track, revision = EXCLUDED.revision,
                    source_event_id = EXCLUDED.source_event_id, applied_at = now()
                WHERE directory_person.revision < EXCLUDED.revision
                """)
                .setParameter("id", person.employeeId())
                .setParameter("name", person.name())
                .setParameter("manager", person.managerId())
                .setParameter("orgUnit", person.orgUnit())
                .setParameter("jobFamily", person.jobFamily())
                .setParameter("track", person.track())
                .setParameter("revision", person.revision())
                .setParameter("eventId", eventId)
                .executeUpdate() > 0;
    }

    /** Records a level history entry; entries are immutable, so a replay changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyLevel(LevelChanged change, String eventId) {
        entityManager.createNativeQuery("""
                INSERT INTO directory_level (employee_id, history_entry_id, framework_key, framework_version,
                                             level_code, effective_from, reason, source_event_id)
                VALUES (:id, :entry, :framework, :version, :level, :effectiveFrom, :reason, :eventId)
                ON CONFLICT (employee_id, history_entry_id) DO NOTHING
                """)
                .setParameter("id", change.employeeId())
                .setParameter("entry", change.historyEntryId())
                .setParameter("framework", change.frameworkKey())
                .setParameter("version", change.frameworkVersion())
                .setParameter("level", change.level())
                .setParameter("effectiveFrom", change.effectiveFrom())
                .setParameter("reason", change.reason())
                .setParameter("eventId", eventId)
                .executeUpdate();
    }

    /** The person's level on {@code date}: the latest history entry effective by then. */
    @Transactional
    public Optional<CurrentLevel> levelOn(String employeeId, LocalDate date) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT framework_key, framework_version, level_code, effective_from FROM directory_level
                WHERE employee_id = :id AND effective_from <= :date
                ORDER BY effective_from DESC, history_entry_id DESC LIMIT 1
                """).setParameter("id", employeeId).setParameter("date", date).getResultList();
        return rows.stream().findFirst().map(r -> new CurrentLevel((String) r[0], ((Number) r[1]).intValue(),
                (String) r[2], NativeValues.date(r[3])));
    }

    /**
     * Whether the person is known here. Every write that names a person asks this first, so a known
     * id is answered from memory; only the first question about an id reads the database.
     */
    @Transactional
    public boolean exists(String employeeId) {
        if (knownIds.getIfPresent(employeeId) != null) {
            return true;
        }
        boolean found = !Jdbc.query(entityManager, "SELECT 1 FROM directory_person WHERE employee_id = ?",
                row -> Boolean.TRUE, employeeId).isEmpty();
        if (found) {
            knownIds.put(employeeId, Boolean.TRUE);
        }
        return found;
    }

    @Transactional
    public Optional<DirectoryPerson> find(String employeeId) {
        return Jdbc.query(entityManager, """
                SELECT employee_id, name, manager_id, org_unit, job_family, track, revision
                FROM directory_person WHERE employee_id = ?
                """, row -> new DirectoryPerson(row.getString(1), row.getString(2), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6), row.getLong(7)), employeeId)
                .stream().findFirst();
    }

    /** The managers above a person, nearest first (empty for an unknown person or a top manager). */
    @Override
    @Transactional
    public List<String> managementChain(String employeeId) {
        return ManagementChains.walkUp(entityManager, "directory_person", employeeId);
    }

    /** Whether {@code managerId} appears anywhere in the management chain above {@code employeeId}. */
    public boolean manages(String managerId, String employeeId) {
        return managementChain(employeeId).contains(managerId);
    }
}
