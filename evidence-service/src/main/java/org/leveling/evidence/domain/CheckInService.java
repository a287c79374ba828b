package org.leveling.evidence.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.frameworks.CatalogVersion;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.problem.Problem.FieldViolation;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ResourceNotFoundException;
import org.leveling.common.security.Caller;
import org.leveling.evidence.domain.CheckIn.Rating;

/** Managers' check-ins with their reports; kept as history, never changed. */
@ApplicationScoped
public class CheckInService {

    private final FrameworkReferences references;
    private final PeopleDirectory people;
    private final EvidenceAccess access;
    private final ChangeRecorder changes;
    private final Clock clock;

    public CheckInService(FrameworkReferences references, PeopleDirectory people, EvidenceAccess access,
            ChangeRecorder changes, Clock clock) {
        this.references = references;
        this.people = people;
        this.access = access;
        this.changes = changes;
        this.clock = clock;
    }

    /** What a manager writes in a check-in. */
    public record CheckInContent(LocalDate date, String notes, String frameworkKey, int frameworkVersion,
            String targetLevel, List<Rating> ratings) {
    }

    /** Records a check-in by someone in the subject's management chain. */
    @Transactional
    public CheckIn record(String subjectId, CheckInContent content) {
        access.requireRead(subjectId, "person", subjectId);
        Caller caller = access.caller();
        if (!people.exists(subjectId)) {
            throw new ResourceNotFoundException("person", subjectId);
        }
        if (!access.manages(caller, subjectId)) {
            throw ProblemException.forbidden("Check-ins are recorded by the person's management chain.");
        }
        List<FieldViolation> violations = new ArrayList<>();
        CatalogVersion version = references.activeVersion(content.frameworkKey(), content.frameworkVersion(),
                violations);
        if (version != null) {
            references.checkLevel(version.ladder(), "targetLevel", content.targetLevel(), violations);
            references.checkCompetencies(version.ladder(), "ratings", ".competency",
                    content.ratings().stream().map(Rating::competency).toList(), violations);
        }
        if (content.date().isAfter(LocalDate.now(clock))) {
            violations.add(new FieldViolation("date", "must not be in the future"));
        }
        ProblemException.refuseIfAny(FrameworkReferences.REFUSED, violations);
        Instant now = clock.instant();
        CheckIn checkIn = CheckIn.record(UUID.randomUUID().toString(), subjectId, caller.employeeId(), content.date(),
                content.notes(), content.frameworkKey(), content.frameworkVersion(), content.targetLevel(),
                content.ratings(), now);
        checkIn.persist();
        changes.record(Change.of("check-in", checkIn.id(), null, new Summary(checkIn.id(), subjectId, content.date(),
                content.targetLevel(), content.ratings()))
                .causing(new CheckInRecorded(checkIn.id(), subjectId, caller.employeeId(), content.date(),
                        content.frameworkKey(), content.frameworkVersion(), content.targetLevel(), content.ratings(),
                        now)));
        return checkIn;
    }

    /**
     * Up to {@code limit} of a person's check-ins, the latest first, after {@code after} (null: from
     * the latest); 404 for a caller who may not read them.
     */
    @Transactional
    public List<CheckIn> history(String subjectId, CheckIn.Position after, int limit) {
        access.requireRead(subjectId, "person", subjectId);
        return CheckIn.page(subjectId, after, limit);
    }

    /** One check-in of a person; 404 when it is not theirs or the caller may not read it. */
    @Transactional
    public CheckIn get(String subjectId, String id) {
        access.requireRead(subjectId, "check-in", id);
        CheckIn checkIn = CheckIn.findById(id);
        if (checkIn == null || !checkIn.subjectId().equals(subjectId)) {
            throw new ResourceNotFoundException("check-in", id);
        }
        return checkIn;
    }

    record Summary(String id, String subjectId, LocalDate date, String targetLevel, List<Rating> ratings) {
    }
}
