package org.leveling.levels.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.leveling.common.audit.AuditTrail;
import org.leveling.common.outbox.Outbox;
import org.leveling.common.problem.Problem;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;
import org.leveling.common.problem.ResourceNotFoundException;
import org.leveling.common.security.AccessPolicy;
import org.leveling.levels.persistence.ReportingLines;

/** Upserts and reads people. Each change and its event commit in one transaction. */
@ApplicationScoped
public class PeopleService {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final AccessPolicy access;
    private final ReportingLines reportingLines;
    private final Clock clock;

    public PeopleService(Outbox outbox, AuditTrail audit, AccessPolicy access, ReportingLines reportingLines,
            Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.access = access;
        this.reportingLines = reportingLines;
        this.clock = clock;
    }

    /** Creates or updates a person; an identical upsert changes nothing and publishes nothing. */
    @Transactional
    public Upserted upsert(String employeeId, PersonDetails details) {
        if (details.managerId() != null) {
            // Two concurrent manager changes could each pass the cycle check and together close a
            // loop: reporting-line changes take turns.
            reportingLines.lockForChange();
        }
        checkManager(employeeId, details.managerId());
        Person existing = Person.findById(employeeId, LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            PersonDetails before = existing.details();
            existing.revise(details, now()).ifPresent(event -> outbox.record(event.toOutbox()));
            audit.recordChange("person", employeeId, before, existing.details());
            return new Upserted(existing, false);
        }
        Person.Registration registration = Person.register(employeeId, details, now());
        try {
            registration.person().persistAndFlush();
        } catch (ConstraintViolationException e) {
            // Another request registered the same person between our lookup and insert.
            throw new ProblemException(409, ProblemType.CONFLICT,
                    "Person " + employeeId + " was created concurrently; retry the request.", List.of());
        }
        outbox.record(registration.event().toOutbox());
        audit.recordChange("person", employeeId, null, details);
        return new Upserted(registration.person(), true);
    }

    /** A person, if the caller may see them (self, their management chain, hr-admin); else the same 404. */
    @Transactional
    public Person get(String employeeId) {
        Person person = Person.findById(employeeId);
        if (person == null) {
            throw new ResourceNotFoundException("person", employeeId);
        }
        access.requireAccessToEmployee(employeeId, "person", employeeId);
        return person;
    }

    /** Everyone below a person (the whole chain), for the person, their managers and hr-admin. */
    @Transactional
    public List<ReportingLines.Report> reports(String employeeId) {
        get(employeeId);
        return reportingLines.reports(employeeId);
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
        if (reportingLines.managementChain(managerId).contains(employeeId)) {
            throw invalidManager("'" + managerId + "' reports to '" + employeeId + "': this would create a reporting cycle");
        }
    }

    private static ProblemException invalidManager(String message) {
        return new ProblemException(400, ProblemType.VALIDATION_FAILED, "The manager is not valid.",
                List.of(new Problem.FieldViolation("managerId", message)));
    }

    /** The person after an upsert, and whether the upsert created them. */
    public record Upserted(Person person, boolean created) {
    }
}
