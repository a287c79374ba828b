package org.leveling.levels.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.leveling.common.persistence.RevisedEntity;

/** A person in the directory. Each change raises the revision and yields the event it causes. */
@Entity
@Table(name = "person")
public class Person extends RevisedEntity {

    @Id
    @Column(name = "employee_id")
    private String employeeId;
    private String name;
    private String email;
    @Column(name = "manager_id")
    private String managerId;
    @Column(name = "org_unit")
    private String orgUnit;
    @Column(name = "job_family")
    private String jobFamily;
    private String track;

    protected Person() {
        // For Hibernate.
    }

    /** A new person at revision 1, with the event announcing them. */
    public static Registration register(String employeeId, PersonDetails details, Instant now) {
        Person person = new Person();
        person.employeeId = employeeId;
        person.set(details);
        person.firstRevision(now);
        return new Registration(person, person.upserted());
    }

    /** Applies new details; returns the event when anything changed, nothing for an identical upsert. */
    public Optional<PersonUpserted> revise(PersonDetails details, Instant now) {
        if (details.equals(details())) {
            return Optional.empty();
        }
        set(details);
        nextRevision(now);
        return Optional.of(upserted());
    }

    public PersonDetails details() {
        return new PersonDetails(name, email, managerId, orgUnit, jobFamily, track);
    }

    private void set(PersonDetails details) {
        name = Objects.requireNonNull(details.name());
        email = Objects.requireNonNull(details.email());
        managerId = details.managerId();
        orgUnit = details.orgUnit();
        jobFamily = details.jobFamily();
        track = details.track();
    }

    private PersonUpserted upserted() {
        return new PersonUpserted(employeeId, name, managerId, orgUnit, jobFamily, track, revision(), updatedAt());
    }

    public String employeeId() {
        return employeeId;
    }

    public String managerId() {
        return managerId;
    }

    /** A newly registered person and the event of their registration. */
    public record Registration(Person person, PersonUpserted event) {
    }
}
