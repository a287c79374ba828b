package org.leveling.levels.domain.framework;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An immutable published version of a framework; it can only be retired (the database enforces it). */
@Entity
@Table(name = "framework_version")
public class FrameworkVersion extends PanacheEntityBase {

    @EmbeddedId
    private Id id;
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    @Column(name = "document", columnDefinition = "jsonb", updatable = false)
    private String document;
    @Column(name = "published_at", updatable = false)
    private Instant publishedAt;
    @Column(name = "published_by", updatable = false)
    private String publishedBy;
    @Column(name = "retired_at")
    private Instant retiredAt;

    protected FrameworkVersion() {
        // For Hibernate.
    }

    public static FrameworkVersion publish(String frameworkKey, int version, String document, String publishedBy,
            Instant now) {
        FrameworkVersion published = new FrameworkVersion();
        published.id = new Id(frameworkKey, version);
        published.document = document;
        published.publishedAt = now;
        published.publishedBy = publishedBy;
        return published;
    }

    public static FrameworkVersion find(String frameworkKey, int version) {
        return findById(new Id(frameworkKey, version));
    }

    /** Retires the version; false when it already was. */
    public boolean retire(Instant now) {
        if (retiredAt != null) {
            return false;
        }
        retiredAt = now;
        return true;
    }

    public String frameworkKey() {
        return id.frameworkKey;
    }

    public int version() {
        return id.version;
    }

    public String document() {
        return document;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    @Embeddable
    public static class Id implements Serializable {

        @Column(name = "framework_key")
        String frameworkKey;
        @Column(name = "version")
        int version;

        protected Id() {
        }

        Id(String frameworkKey, int version) {
            this.frameworkKey = frameworkKey;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Id that && version == that.version && frameworkKey.equals(that.frameworkKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(frameworkKey, version);
        }
    }
}
