package org.leveling.levels.domain.framework;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A career framework of one job family: its editable draft (a whole {@link FrameworkDocument},
 * stored as JSON) and the number of its latest published version.
 */
@Entity
@Table(name = "framework")
public class Framework extends PanacheEntityBase {

    @Id
    @Column(name = "framework_key")
    private String frameworkKey;
    private String name;
    @Column(name = "job_family")
    private String jobFamily;
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    @Column(name = "draft", columnDefinition = "jsonb")
    private String draft;
    @Column(name = "draft_revision")
    private long draftRevision;
    @Column(name = "latest_version")
    private int latestVersion;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Framework() {
        // For Hibernate.
    }

    public static Framework create(String key, String name, String jobFamily, String emptyDraft, Instant now) {
        Framework framework = new Framework();
        framework.frameworkKey = key;
        framework.name = name;
        framework.jobFamily = jobFamily;
        framework.draft = emptyDraft;
        framework.draftRevision = 1;
        framework.createdAt = now;
        framework.updatedAt = now;
        return framework;
    }

    /** Replaces the draft; the caller has checked the expected revision and validated the document. */
    public void replaceDraft(String document, Instant now) {
        draft = document;
        draftRevision++;
        updatedAt = now;
    }

    /** Numbers the next version; the draft stays as it is, so the next draft starts from it. */
    public int nextVersion(Instant now) {
        latestVersion++;
        updatedAt = now;
        return latestVersion;
    }

    public String key() {
        return frameworkKey;
    }

    public String name() {
        return name;
    }

    public String jobFamily() {
        return jobFamily;
    }

    public String draft() {
        return draft;
    }

    public long draftRevision() {
        return draftRevision;
    }

    public int latestVersion() {
        return latestVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
