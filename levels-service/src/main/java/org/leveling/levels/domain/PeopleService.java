package org.leveling.levels.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.leveling.common.outbox.Outbox;
import org.leveling.common.problem.Problem;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;
import org.leveling.common.problem.ResourceNotFoundException;

/** Upserts and reads people. Each change and its event commit in one transaction. */
@ApplicationScoped
public class PeopleService {

    private static final int MAX_CHAIN_DEPTH = 64;

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final Clock clock;

    public PeopleService(Outbox outbox, EntityManager entityManager, Clock clock) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Creates or updates a person; an identical upsert changes nothing and publishes nothing. */
    @Transactional
    public Upserted upsert(String employeeId, PersonDetails details) {
        checkManager(employeeId, details.managerId());
        Person existing = Person.findById(employeeId, LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            existing.revise(details, now()).ifPresent(event -> outbox.record(event.toOutbox()));
            return new Upserted(existing, false);
        }
        Person.Registration registration = Person.register(employeeId, details, now());
        try {
            registration.person().persistAndFlush();
        } catch (PersistenceException e) {
            // Another request registered the same person between our lookup and insert.
            throw new ProblemException(409, ProblemType.CONFLICT,
                    "Person " + employeeId + " was created concurrently; retry the request.", List.of());
        }
        outbox.record(registration.event().toOutbox());
        return new Upserted(registration.person(), true);
    }

    @Transactional
    public Person get(String employeeId) {
        Person person = Person.findById(employeeId);
        if (person == null) {
            throw new ResourceNotFoundException("person", employeeId);
        }
        return person;
    }

    /** Microseconds: what PostgreSQL stores, so an event and a later read show the same time. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void checkManager(String employeeId, String managerId) {
        if (managerId == null) {
            return;
        }
        if (managerId.equals(employeeId)) {
            throw invalidManager("a person cannot be their own manager");
        }
        if (Person.findById(managerId) == null) {
            throw invalidManager("no person with id '" + managerId + "'; create the manager first");
        }
        if (managementChain(managerId).contains(employeeId)) {
            throw invalidManager("'" + managerId + "' reports to '" + employeeId + "': this would create a reporting cycle");
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> managementChain(String employeeId) {
        return entityManager.createNativeQuery("""
                WITH RECURSIVE chain (employee_id, manager_id, depth) AS (
                    SELECT employee_id, manager_id, 0 FROM person WHERE employee_id = :id
                    UNION ALL
                    SELECT p.employee_id, p.manager_id, c.depth + 1
                    FROM person p JOIN chain c ON p.employee_id = c.manager_id
                    WHERE c.depth < :maxDepth
                )
                SELECT employee_id FROM chain WHERE depth > 0
                """).setParameter("id", employeeId).setParameter("maxDepth", MAX_CHAIN_DEPTH).getResultList();
    }

    private static ProblemException invalidManager(String message) {
        return new ProblemException(400, ProblemType.VALIDATION_FAILED, "The manager is not valid.",
                List.of(new Problem.FieldViolation("managerId", message)));
    }

    /** The person after an upsert, and whether the upsert created them. */
    public record Upserted(Person person, boolean created) {
    }
}
