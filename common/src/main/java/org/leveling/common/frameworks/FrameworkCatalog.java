package org.leveling.common.frameworks;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leveling.common.inbox.UnprocessableEventException;
import org.leveling.common.persistence.Jdbc;
import org.leveling.common.persistence.NativeValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The published frameworks a service keeps from levels-service's framework events, so it can check
 * levels and competencies and read expectations without calling levels-service. Table
 * {@code catalog_framework_version}, migration location {@code db/framework-catalog}.
 */
@ApplicationScoped
public class FrameworkCatalog {

    private static final int MAX_CACHED_LADDERS = 256;

    // Published documents never change: parsed once, not on every readiness or validation.
    private final Map<String, Ladder> ladders = new ConcurrentHashMap<>();
    // Every write that pins a version looks it up. A version changes only when it is retired: the instance
    // that applies the retirement drops its entry once that commits; other instances see it within the TTL.
    private final Cache<String, CatalogVersion> versions;
    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final ObjectMapper json;
    private final ObjectReader ladderReader;

    public FrameworkCatalog(EntityManager entityManager, TransactionSynchronizationRegistry transactions,
            ObjectMapper json,
            @ConfigProperty(name = "leveling.framework-catalog.cache-ttl", defaultValue = "1s") Duration cacheTtl) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.json = json;
        this.ladderReader = json.readerFor(Ladder.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.versions = cacheTtl.isZero() ? null
                : Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(MAX_CACHED_LADDERS).build();
    }

    /** Keeps a published version; a replay of the same version changes nothing (versions are immutable). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(FrameworkPublished published, String eventId) {
        String document;
        try {
            ladderReader.treeToValue(published.document(), Ladder.class);
            document = json.writeValueAsString(published.document());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnprocessableEventException("the framework document cannot be read: " + e.getMessage());
        }
        entityManager.createNativeQuery("""
                INSERT INTO catalog_framework_version (framework_key, version, name, job_family, document,
                                                       published_at, source_event_id)
                VALUES (:key, :version, :name, :jobFamily, CAST(:document AS jsonb), :publishedAt, :eventId)
                ON CONFLICT (framework_key, version) DO NOTHING
                """)
                .setParameter("key", published.frameworkKey())
                .setParameter("version", published.version())
                .setParameter("name", published.name())
                .setParameter("jobFamily", published.jobFamily())
                .setParameter("document", document)
                .setParameter("publishedAt", Timestamp.from(published.publishedAt()))
                .setParameter("eventId", eventId)
                .executeUpdate();
    }

    /** Marks a version retired (the first retirement counts); a version never published here is unprocessable. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retire(FrameworkRetired retired) {
        int updated = entityManager.createNativeQuery("""
                UPDATE catalog_framework_version SET retired_at = :retiredAt
                WHERE framework_key = :key AND version = :version AND retired_at IS NULL
                """)
                .setParameter("retiredAt", Timestamp.from(retired.retiredAt()))
                .setParameter("key", retired.frameworkKey())
                .setParameter("version", retired.version())
                .executeUpdate();
        if (versions != null) {
            String id = retired.frameworkKey() + "/" + retired.version();
            // After the commit: an entry loaded before it (not retired yet) must not outlive it. Caffeine
            // waits for a load in progress, so no lookup can put the old state back afterwards.
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    versions.invalidate(id);
                }
            });
        }
        if (updated == 0 && find(retired.frameworkKey(), retired.version()).isEmpty()) {
            throw new UnprocessableEventException("version " + retired.version() + " of framework '"
                    + retired.frameworkKey() + "' was never published here");
        }
    }

    @Transactional
    public Optional<CatalogVersion> find(String frameworkKey, int version) {
        if (versions == null) {
            return load(frameworkKey, version);
        }
        // Unknown versions are not kept (the mapping gives null): one may be published any moment.
        return Optional.ofNullable(versions.get(frameworkKey + "/" + version,
                id -> load(frameworkKey, version).orElse(null)));
    }

    private Optional<CatalogVersion> load(String frameworkKey, int version) {
        return first(Jdbc.query(entityManager, """
                SELECT framework_key, version, name, job_family, published_at, retired_at
                FROM catalog_framework_version WHERE framework_key = ? AND version = ?
                """, row -> new Object[] {row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                row.getObject(5, OffsetDateTime.class), row.getObject(6, OffsetDateTime.class)}, frameworkKey, version));
    }

    /** The highest published version of a framework that is not retired. */
    @Transactional
    public Optional<CatalogVersion> latestActive(String frameworkKey) {
        return first(entityManager.createNativeQuery("""
                SELECT framework_key, version, name, job_family, published_at, retired_at
                FROM catalog_framework_version WHERE framework_key = :key AND retired_at IS NULL
                ORDER BY version DESC LIMIT 1
                """).setParameter("key", frameworkKey).getResultList());
    }

    private Optional<CatalogVersion> first(List<?> rows) {
        return rows.stream().findFirst().map(Object[].class::cast).map(this::version);
    }

    // The document (tens of KB) is read from the database only the first time a version is needed.
    private CatalogVersion version(Object[] row) {
        String key = (String) row[0];
        int number = ((Number) row[1]).intValue();
        Ladder ladder = ladders.get(key + "/" + number);
        if (ladder == null) {
            ladder = parse((String) entityManager.createNativeQuery("""
                    SELECT document::text FROM catalog_framework_version WHERE framework_key = :key AND version = :version
                    """).setParameter("key", key).setParameter("version", number).getSingleResult());
            if (ladders.size() >= MAX_CACHED_LADDERS) {
                ladders.clear();
            }
            ladders.put(key + "/" + number, ladder);
        }
        return new CatalogVersion(key, number, (String) row[2], (String) row[3], NativeValues.instant(row[4]),
                NativeValues.instant(row[5]),
                ladder);
    }

    private Ladder parse(String document) {
        try {
            return ladderReader.readValue(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored framework document cannot be read", e);
        }
    }

}
