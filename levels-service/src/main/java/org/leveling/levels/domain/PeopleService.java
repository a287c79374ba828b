package org.leveling.levels.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.problem.Problem;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;
import org.leveling.common.security.AccessPolicy;
import org.leveling.common.security.Caller;
import org.leveling.common.security.CurrentUser;
import org.leveling.levels.persistence.ReportingLines;

/** Upserts and reads people. Each change and its event commit in one transaction. */
@ApplicationScoped
public class PeopleService {

    private final ChangeRecorder changes;
    private final AccessPolicy access;
    private final ReportingLines reportingLines;
    private final CurrentUser currentUser;
    private final Clock clock;

    public PeopleService(ChangeRecorder changes, AccessPolicy access, ReportingLines reportingLines,
            CurrentUser currentUser, Clock clock) {
        this.changes = changes;
        this.access = access;
        this.reportingLines = reportingLines;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Creates or updates a person; an identical upsert changes nothing and publishes nothing.
     * Nobody moves themselves in the organisation (manager, org unit, track).
     */
    @Transactional
    public Upserted upsert(String employeeId, PersonDetails details) {
        Caller caller = currentUser.caller();
        if (SeparationOfDuties.isSelf(caller, employeeId)) {
            Person existing = Person.findById(employeeId, LockModeType.PESSIMISTIC_WRITE);
            SeparationOfDuties.refuseOwnPlacement(caller, employeeId, existing == null ? null : existing.details(),
                    details);
        }
        if (details.managerId() != null) {
            // Two concurrent manager changes could each pass the cycle check and together close a
            // loop: reporting-line changes take turns.
            reportingLines.lockForChange();
        }
        managerProblem(employeeId, details.managerId()).ifPresent(problem -> {
            throw new ProblemException(400, ProblemType.VALIDATION_FAILED, "The manager is not valid.",
                    List.of(new Problem.FieldViolation("managerId", problem)));
        });
        return apply(employeeId, details);
    }

    /**
     * Upserts many people in one transaction, row by row: rows that pass are applied, the others
     * are reported with their reasons. Managers may come in the same import, in any order. A row
     * about the caller is refused: an import is a tool for other people's records.
     */
    @Transactional
    public List<ImportResult> importPeople(List<ImportRow> rows) {
        Caller caller = currentUser.caller();
        reportingLines.lockForChange();
        List<ImportResult> results = new ArrayList<>();
        Map<String, ImportRow> pending = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            if (!row.errors().isEmpty()) {
                results.add(ImportResult.rejected(row, row.errors()));
            } else if (SeparationOfDuties.isSelf(caller, row.employeeId())) {
                results.add(ImportResult.rejected(row, List.of(SeparationOfDuties.ownImportRow())));
            } else if (pending.containsKey(row.employeeId())) {
                results.add(ImportResult.rejected(row, List.of(new Problem.FieldViolation("employeeId",
                        "appears twice in this import (row " + pending.get(row.employeeId()).row() + " is applied)"))));
            } else {
                pending.put(row.employeeId(), row);
            }
        }
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (ImportRow row : List.copyOf(pending.values())) {
                String managerId = row.details().managerId();
                if (managerId != null && !managerId.equals(row.employeeId()) && pending.containsKey(managerId)) {
                    continue; // The manager's own row goes first.
                }
                pending.remove(row.employeeId());
                progress = true;
                Person.getEntityManager().flush();
                Optional<String> problem = managerProblem(row.employeeId(), managerId);
                if (problem.isPresent()) {
                    results.add(ImportResult.rejected(row, List.of(new Problem.FieldViolation("managerId", problem.get()))));
                } else {
                    results.add(ImportResult.applied(row, apply(row.employeeId(), row.details())));
                }
            }
        }
        // What is left waits on itself: managers pointing at each other within the import.
        pending.values().forEach(row -> results.add(ImportResult.rejected(row, List.of(new Problem.FieldViolation(
                "managerId", "'" + row.details().managerId() + "' and this person form a reporting cycle in this import")))));
        results.sort(Comparator.comparingInt(ImportResult::row));
        return results;
    }

    private Upserted apply(String employeeId, PersonDetails details) {
        Person existing = Person.findById(employeeId, LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            PersonDetails before = existing.details();
            Optional<PersonUpserted> event = existing.revise(details, clock.instant());
            changes.record(Change.of("person", employeeId, before, existing.details()).causing(event));
            return new Upserted(existing, false, event.isPresent());
        }
        Person.Registration registration = Person.register(employeeId, details, clock.instant());
        try {
            registration.person().persistAndFlush();
        } catch (ConstraintViolationException e) {
            // Another request registered the same person between our lookup and insert.
            throw ProblemException.conflict("Person " + employeeId + " was created concurrently; retry the request.");
        }
        changes.record(Change.of("person", employeeId, null, details).causing(registration.event()));
        return new Upserted(registration.person(), true, true);
    }

    /** A person, if the caller may see them (self, their management chain, hr-admin); else the same 404. */
    @Transactional
    public Person get(String employeeId) {
        Person person = Person.findById(employeeId);
        access.requireFoundAndAccessible(person == null ? null : employeeId, "person", employeeId);
        return person;
    }

    /**
     * Up to {@code limit} of everyone below a person (the whole chain), nearest first, after
     * {@code after} (null: from the first), for the person, their managers and hr-admin.
     */
    @Transactional
    public List<Report> reports(String employeeId, ReportPosition after, int limit) {
        get(employeeId);
        ReportingLines.Position from = after == null ? null : new ReportingLines.Position(after.depth(), after.employeeId());
        return reportingLines.reports(employeeId, from, limit).stream()
                .map(r -> new Report(r.employeeId(), r.name(), r.managerId(), r.depth())).toList();
    }

    /** Someone below a person: {@code depth} 1 is a direct report. */
    public record Report(String employeeId, String name, String managerId, int depth) {
    }

    /** A place in the list of reports: after the report at this depth with this employee id. */
    public record ReportPosition(int depth, String employeeId) {
    }


    /** Why {@code managerId} cannot manage {@code employeeId} now, if it cannot. */
    private Optional<String> managerProblem(String employeeId, String managerId) {
        if (managerId == null) {
            return Optional.empty();
        }
        if (managerId.equals(employeeId)) {
            return Optional.of("a person cannot be their own manager");
        }
        if (Person.findById(managerId) == null) {
            return Optional.of("no person with id '" + managerId + "'; create the manager first");
        }
        if (reportingLines.managementChain(managerId).contains(employeeId)) {
            return Optional.of("'" + managerId + "' reports to '" + employeeId + "': this would create a reporting cycle");
        }
        return Optional.empty();
    }

    /** The person after an upsert, whether the upsert created them, and whether anything changed. */
    public record Upserted(Person person, boolean created, boolean changed) {
    }

    /** One row of an import: where it was, what it says, and what was wrong with its fields. */
    public record ImportRow(int row, String employeeId, PersonDetails details, List<Problem.FieldViolation> errors) {
    }

    /** What became of one import row. */
    public record ImportResult(int row, String employeeId, Outcome outcome, List<Problem.FieldViolation> errors) {

        public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

        static ImportResult rejected(ImportRow row, List<Problem.FieldViolation> errors) {
            return new ImportResult(row.row(), row.employeeId(), Outcome.REJECTED, errors);
        }

        static ImportResult applied(ImportRow row, Upserted upserted) {
            Outcome outcome = upserted.created() ? Outcome.CREATED : upserted.changed() ? Outcome.UPDATED : Outcome.UNCHANGED;
            return new ImportResult(row.row(), row.employeeId(), outcome, List.of());
        }
    }
}
