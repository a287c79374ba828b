package org.leveling.common.testing;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules every service keeps (docs/architecture.md, "Where does a new behaviour go"),
 * checked on its compiled main classes. Each service runs it through a plain JUnit subclass that
 * names its base package.
 *
 * <ul>
 * <li>{@code domain} holds the business rules: it never reaches the transport (JAX-RS, {@code api}),
 * the wire ({@code messaging}, the wire records) or the outbox and inbox machinery;</li>
 * <li>{@code api} translates HTTP to service calls: it never opens transactions, never runs queries
 * and never touches the persistence classes;</li>
 * <li>{@code domain} runs no SQL of its own: entities through Panache, everything else through the
 * service's {@code persistence} classes;</li>
 * <li>only the {@link org.leveling.common.changes.ChangeRecorder} writes the outbox and the audit
 * trail's change rows;</li>
 * <li>no package of a service depends on another that depends back on it.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ArchitectureContract {

    /** Panache's query and persistence entry points, inherited by every entity. */
    private static final Set<String> PANACHE_OPERATIONS = Set.of("find", "findById", "findByIdOptional", "findAll",
            "list", "listAll", "stream", "streamAll", "count", "delete", "deleteAll", "deleteById", "persist",
            "persistAndFlush", "update", "flush", "getEntityManager", "isPersistent");

    private JavaClasses classes;

    /** The service's base package, e.g. {@code org.leveling.levels}. */
    protected abstract String basePackage();

    @BeforeAll
    void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage());
    }

    @Test
    public void domainNeverReachesTheTransportTheWireOrTheOutbox() {
        check(noClasses().that().resideInAPackage(basePackage() + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        basePackage() + ".api..",
                        basePackage() + ".messaging..",
                        "org.leveling.common.outbox..",
                        "org.leveling.common.inbox..",
                        "org.leveling.common.events..",
                        "jakarta.ws.rs..",
                        "org.jboss.resteasy..",
                        "org.apache.kafka..")
                .because("the domain returns domain events; messaging maps them to the wire"));
    }

    @Test
    public void apiNeverTouchesPersistenceOrTransactions() {
        check(noClasses().that().resideInAPackage(basePackage() + ".api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        basePackage() + ".persistence..",
                        "org.leveling.common.persistence..",
                        "jakarta.persistence..",
                        "jakarta.transaction..",
                        "io.quarkus.narayana..",
                        "io.quarkus.hibernate..",
                        "org.hibernate..",
                        "java.sql..",
                        "javax.sql..")
                .because("the service layer owns transactions and queries"));
        check(noClasses().that().resideInAPackage(basePackage() + ".api..")
                .should().callMethodWhere(describe("a Panache query or persistence operation of an entity",
                        ArchitectureContract::isPanacheOperation))
                .because("the service layer owns transactions and queries"));
    }

    @Test
    public void domainRunsNoSqlOfItsOwn() {
        check(noClasses().that().resideInAPackage(basePackage() + ".domain..")
                .should().callMethodWhere(describe("a native SQL statement",
                        ArchitectureContract::runsNativeSql))
                .because("entities are read and written through Panache; SQL on tables without an entity, and "
                        + "the hot-path queries, live in persistence classes"));
    }

    @Test
    public void onlyTheChangeRecorderWritesTheAuditTrailAndTheOutbox() {
        check(noClasses().should().callMethodWhere(describe("a write of the outbox or of an audit change row",
                        ArchitectureContract::writesTheOutboxOrAnAuditChange))
                .because("a change, its audit row and its events are recorded together, by the ChangeRecorder"));
    }

    @Test
    public void noPackageDependsOnAPackageThatDependsBackOnIt() {
        check(slices().matching(basePackage() + ".(**)").should().beFreeOfCycles());
    }

    private void check(ArchRule rule) {
        rule.check(classes);
    }

    private static boolean writesTheOutboxOrAnAuditChange(JavaMethodCall call) {
        String owner = call.getTargetOwner().getFullName();
        return owner.equals("org.leveling.common.outbox.Outbox") && call.getName().equals("record")
                || owner.equals("org.leveling.common.audit.AuditTrail")
                        && (call.getName().equals("recordChange") || call.getName().equals("recordEventChange"));
    }

    private static boolean runsNativeSql(JavaMethodCall call) {
        String owner = call.getTargetOwner().getFullName();
        return owner.equals("jakarta.persistence.EntityManager") && call.getName().equals("createNativeQuery")
                || owner.equals("org.leveling.common.persistence.Jdbc");
    }

    private static boolean isPanacheOperation(JavaMethodCall call) {
        return PANACHE_OPERATIONS.contains(call.getName())
                && call.getTargetOwner().isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheEntityBase");
    }
}
