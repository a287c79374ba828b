package org.leveling.levels.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person in the directory. Each change raises the revision and yields the event it causes. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

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
    private long revision;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Person() {
        // For Hibernate.
    }

    /** A new person at revision 1, with the event announcing them. */
    public static Registration register(String employeeId, PersonDetails details, Instant now) {
        Person person = new Person();
        person.employeeId = employeeId;
        person.set(details);
        person.revision = 1;
        person.createdAt = now;
        person.updatedAt = now;
        return new Registration(person, person.upserted());
    }

    /** Applies new details; returns the event when anything changed, nothing for an identical upsert. */
    public Optional<PersonUpserted> revise(PersonDetails details, Instant now) {
        if (details.equals(details())) {
            return Optional.empty();
        }
        set(details);
        revision++;
        updatedAt = now;
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
        return new PersonUpserted(employeeId, name, managerId, orgUnit, jobFamily, track, revision, updatedAt);
    }

    public String employeeId() {
        return employeeId;
    }

    public String managerId() {
        return managerId;
    }

    public long revision() {
        return revision;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** A newly registered person and the event of their registration. */
    public record Registration(Person person, PersonUpserted event) {
    }
}
