package org.leveling.levels.domain.framework;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.leveling.common.changes.Change;
import org.leveling.common.changes.ChangeRecorder;
import org.leveling.common.persistence.KnownEntity;
import org.leveling.common.problem.Problem.FieldViolation;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.problem.ProblemType;
import org.leveling.common.problem.ResourceNotFoundException;
import org.leveling.common.security.CurrentUser;
import org.leveling.common.web.IfMatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

/**
 * Frameworks: create, edit the draft as one validated document, publish immutable versions,
 * retire them. Every change, its audit row and its event commit together.
 */
@ApplicationScoped
public class FrameworkService {

    /** If-Match: * — replace the draft whatever its revision. */
    public static final long ANY_REVISION = IfMatch.ANY;

    private static final int MAX_CACHED_DOCUMENTS = 256;

    private final Map<String, FrameworkDocument> publishedDocuments = new ConcurrentHashMap<>();
    private final ChangeRecorder changes;
    private final ObjectMapper json;
    private final Clock clock;

    public FrameworkService(ChangeRecorder changes, ObjectMapper json, Clock clock) {
        this.changes = changes;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Framework create(String key, String name, String jobFamily) {
        if (Framework.findById(key) != null) {
            throw ProblemException.conflict("A framework with key '" + key + "' exists already.");
        }
        Framework framework = Framework.create(key, name, jobFamily, write(FrameworkDocument.empty()), clock.instant());
        try {
            framework.persistAndFlush();
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict("A framework with key '" + key + "' was created concurrently.");
        }
        changes.record(Change.of("framework", key, null, new Summary(key, name, jobFamily)));
        return framework;
    }

    @Transactional
    public List<Framework> list(int limit, String after) {
        return after == null
                ? Framework.findAll(Sort.by("frameworkKey")).page(0, limit).list()
                : Framework.find("frameworkKey > ?1", Sort.by("frameworkKey"), after).page(0, limit).list();
    }

    @Transactional
    public Framework get(String key) {
        return KnownEntity.byId(Framework.class, "framework", key);
    }

    @Transactional
    public List<FrameworkVersion> versions(String key) {
        return FrameworkVersion.list("id.frameworkKey = ?1", Sort.by("id.version"), key);
    }

    public FrameworkDocument draftOf(Framework framework) {
        return read(framework.draft());
    }

    /**
     * The document of a published version. Versions never change, so parsed documents are kept
     * (a bounded number) instead of parsing the same JSON on every read.
     */
    public FrameworkDocument documentOf(FrameworkVersion version) {
        String id = version.frameworkKey() + "/" + version.version();
        FrameworkDocument cached = publishedDocuments.get(id);
        if (cached != null) {
            return cached;
        }
        FrameworkDocument document = read(version.document());
        if (publishedDocuments.size() >= MAX_CACHED_DOCUMENTS) {
            publishedDocuments.clear();
        }
        publishedDocuments.put(id, document);
        return document;
    }

    /**
     * Replaces the whole draft when {@code expectedRevision} is still current (else 412), after
     * checking every rule that ties the document together (else 400 listing each problem).
     */
    @Transactional
    public Framework replaceDraft(String key, Long expectedRevision, FrameworkDocument document) {
        Framework framework = KnownEntity.lockedById(Framework.class, "framework", key);
        if (expectedRevision == null) {
            throw new ProblemException(428, ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the draft's ETag (GET the draft first), so that concurrent edits are not lost.",
                    List.of());
        }
        if (expectedRevision != ANY_REVISION && expectedRevision != framework.draftRevision()) {
            throw new ProblemException(412, ProblemType.PRECONDITION_FAILED, "The draft is at revision "
                    + framework.draftRevision() + ", not " + expectedRevision + ": reload it and apply your change again.",
                    List.of());
        }
        List<FieldViolation> problems = FrameworkRules.check(document);
        if (!problems.isEmpty()) {
            throw new ProblemException(400, ProblemType.VALIDATION_FAILED, problems.size() == 1
                    ? "1 problem in the framework document." : problems.size() + " problems in the framework document.",
                    problems);
        }
        FrameworkDocument before = draftOf(framework);
        framework.replaceDraft(write(document), clock.instant());
        changes.record(Change.of("framework-draft", key, before, document));
        return framework;
    }

    /** Publishes the draft as the next immutable version and announces it with the whole document. */
    @Transactional
    public FrameworkVersion publish(String key) {
        Framework framework = KnownEntity.lockedById(Framework.class, "framework", key);
        FrameworkDocument document = draftOf(framework);
        if (document.isEmpty()) {
            throw ProblemException.conflict("The draft has no levels yet: write it with PUT .../draft before publishing.");
        }
        if (framework.latestVersion() > 0
                && documentOf(version(key, framework.latestVersion())).equals(document)) {
            throw ProblemException.conflict("The draft is identical to version " + framework.latestVersion() + ": nothing to publish.");
        }
        Instant now = clock.instant();
        FrameworkVersion version = FrameworkVersion.publish(key, framework.nextVersion(now), framework.draft(),
                CurrentUser.ofCurrentRequest().employeeId(), now);
        version.persist();
        changes.record(Change.of("framework-version", key + "/" + version.version(), null,
                new VersionSummary(key, version.version(), now, null))
                .causing(new FrameworkPublished(key, framework.name(), framework.jobFamily(), version.version(), now,
                        document)));
        return version;
    }

    @Transactional
    public FrameworkVersion version(String key, int number) {
        FrameworkVersion version = FrameworkVersion.find(key, number);
        if (version == null) {
            throw new ResourceNotFoundException("framework version", key + "/" + number);
        }
        return version;
    }

    /** Retires a version: it stays readable; nothing new may be built on it. A second retire is a 409. */
    @Transactional
    public FrameworkVersion retire(String key, int number) {
        FrameworkVersion version = version(key, number);
        Instant now = clock.instant();
        if (!version.retire(now)) {
            throw ProblemException.conflict("Version " + number + " of '" + key + "' was retired at " + version.retiredAt() + ".");
        }
        changes.record(Change.of("framework-version", key + "/" + number,
                new VersionSummary(key, number, version.publishedAt(), null),
                new VersionSummary(key, number, version.publishedAt(), now))
                .causing(new FrameworkRetired(key, number, now)));
        return version;
    }

    private FrameworkDocument read(String document) {
        try {
            return json.readValue(document, FrameworkDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored framework document is unreadable", e);
        }
    }

    private String write(FrameworkDocument document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** What the audit trail records of a framework's identity. */
    record Summary(String key, String name, String jobFamily) {
    }

    /** What the audit trail records of a version. */
    record VersionSummary(String frameworkKey, int version, Instant publishedAt, Instant retiredAt) {
    }
}
