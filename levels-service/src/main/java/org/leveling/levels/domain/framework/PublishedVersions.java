package org.leveling.levels.domain.framework;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leveling.common.problem.ResourceNotFoundException;

/**
 * The read side of published versions, the platform's hottest read. A version's document never
 * changes, so its JSON and its success guides are kept in memory after the first read; what can
 * change (the framework's name, the version's retirement) is read with one small query per request,
 * without the document and outside a transaction.
 */
@ApplicationScoped
public class PublishedVersions {

    private static final int MAX_CACHED = 1024;

    private final Map<String, Kept> headers = new ConcurrentHashMap<>();
    private final Map<Header, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, Map<String, SuccessGuide>> guides = new ConcurrentHashMap<>();
    private final EntityManager entityManager;
    private final FrameworkService frameworks;
    private final long headerTtlNanos;

    public PublishedVersions(EntityManager entityManager, FrameworkService frameworks,
            @ConfigProperty(name = "leveling.frameworks.header-ttl", defaultValue = "PT1S") Duration headerTtl) {
        this.entityManager = entityManager;
        this.frameworks = frameworks;
        this.headerTtlNanos = headerTtl.toNanos();
    }

    private record Kept(Header header, long keptAt) {
    }

    /** What a published version is, apart from its document. */
    public record Header(String frameworkKey, String name, String jobFamily, int version, Instant publishedAt,
            String publishedBy, Instant retiredAt) {
    }

    /**
     * The version's header; 404 naming the framework when it does not exist, else the version.
     * Only retirement ever changes a header, so a retired header is kept for good and a current one
     * for {@code leveling.frameworks.header-ttl}: a retirement made through another instance shows
     * here within that time, one made through this instance at once ({@link #forget}).
     */
    public Header header(String key, int version) {
        String id = key + "/" + version;
        Kept kept = headers.get(id);
        long now = System.nanoTime();
        if (kept != null && (kept.header().retiredAt() != null || now - kept.keptAt() < headerTtlNanos)) {
            return kept.header();
        }
        Header header = entityManager.createQuery("select new " + Header.class.getName()
                + "(f.frameworkKey, f.name, f.jobFamily, v.id.version, v.publishedAt, v.publishedBy, v.retiredAt)"
                + " from FrameworkVersion v join Framework f on f.frameworkKey = v.id.frameworkKey"
                + " where v.id.frameworkKey = ?1 and v.id.version = ?2", Header.class)
                .setParameter(1, key).setParameter(2, version)
                .getResultStream().findFirst().orElseThrow(() -> notFound(key, version));
        makeRoom(headers);
        headers.put(id, new Kept(header, now));
        return header;
    }

    /** Drops what is kept about a version that changed (it was retired). */
    public void forget(String key, int version) {
        headers.remove(key + "/" + version);
    }

    /**
     * The response body of a version, rendered once per header: the hottest read then writes kept
     * bytes instead of encoding about 30 KB of JSON (and its garbage) on every request.
     */
    public byte[] body(Header header, Function<Header, byte[]> render) {
        return remembered(bodies, header, () -> render.apply(header));
    }

    /** The version's document exactly as stored at publication. */
    public String documentJson(Header header) {
        return remembered(documents, header.frameworkKey() + "/" + header.version(),
                () -> frameworks.version(header.frameworkKey(), header.version()).document());
    }

    /** The success guide of one level, or 404 when the version has no such level. */
    public SuccessGuide guide(Header header, String level) {
        String id = header.frameworkKey() + "/" + header.version();
        SuccessGuide guide = remembered(guides, id, () -> allGuides(header)).get(level);
        if (guide == null) {
            throw new ResourceNotFoundException("level", id + "/" + level);
        }
        return guide;
    }

    /** Every level's guide at once, so that what is kept is bounded by versions, not by requested codes. */
    private Map<String, SuccessGuide> allGuides(Header header) {
        FrameworkDocument document = frameworks.documentOf(frameworks.version(header.frameworkKey(), header.version()));
        Map<String, SuccessGuide> all = new HashMap<>();
        for (FrameworkDocument.Level level : document.levels()) {
            SuccessGuide.of(header.frameworkKey(), header.version(), document, level.code())
                    .ifPresent(guide -> all.put(level.code(), guide));
        }
        return Map.copyOf(all);
    }

    private static <K, T> T remembered(Map<K, T> cache, K id, Supplier<T> load) {
        T cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        T loaded = load.get();
        makeRoom(cache);
        cache.put(id, loaded);
        return loaded;
    }

    /** Keeps memory bounded; what is dropped is simply read again. */
    private static void makeRoom(Map<?, ?> cache) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
    }

    private ResourceNotFoundException notFound(String key, int version) {
        frameworks.get(key);
        return new ResourceNotFoundException("framework version", key + "/" + version);
    }
}
