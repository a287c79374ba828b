package org.leveling.promotion.domain.committee;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A review committee of a cycle over some of its org units: members, one chair, a quorum. */
@Entity
@Table(name = "committee")
public class Committee extends PanacheEntityBase {

    public record Member(String employeeId, CommitteeRole role) {
    }

    @Id
    private String id;
    @Column(name = "cycle_id", updatable = false)
    private String cycleId;
    @Column(updatable = false)
    private String name;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "org_units", updatable = false)
    private List<String> orgUnits;
    @Column(updatable = false)
    private int quorum;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    private List<Member> members;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", updatable = false)
    private String createdBy;

    protected Committee() {
        // For Hibernate.
    }

    public static Committee assign(String id, String cycleId, String name, List<String> orgUnits, int quorum,
            List<Member> members, String createdBy, Instant now) {
        Committee committee = new Committee();
        committee.id = id;
        committee.cycleId = cycleId;
        committee.name = name;
        committee.orgUnits = List.copyOf(orgUnits);
        committee.quorum = quorum;
        committee.members = List.copyOf(members);
        committee.createdAt = now;
        committee.createdBy = createdBy;
        return committee;
    }

    public static List<Committee> ofCycle(String cycleId) {
        return list("cycleId", Sort.by("createdAt").and("id"), cycleId);
    }

    public String id() {
        return id;
    }

    public String cycleId() {
        return cycleId;
    }

    public String name() {
        return name;
    }

    public List<String> orgUnits() {
        return orgUnits;
    }

    public int quorum() {
        return quorum;
    }

    public List<Member> members() {
        return members;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
