package dev.portcullis.oauth.architecture;

import static dev.portcullis.oauth.architecture.RuleAssertions.assertPassed;
import static dev.portcullis.oauth.architecture.RuleAssertions.assertViolated;
import static dev.portcullis.oauth.architecture.RuleAssertions.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.portcullis.oauth.adapters.persistence.fixture.bad.PersistenceReadingRuntimeSettings;
import dev.portcullis.oauth.adapters.persistence.fixture.good.FixtureEntity;
import dev.portcullis.oauth.adapters.persistence.fixture.good.JpaFixtureRepository;
import dev.portcullis.oauth.adapters.rest.fixture.bad.RestCallingPersistence;
import dev.portcullis.oauth.adapters.rest.fixture.good.FixtureResource;
import dev.portcullis.oauth.application.fixture.bad.ApplicationConstructingAdapter;
import dev.portcullis.oauth.application.fixture.good.FixtureGrantHandler;
import dev.portcullis.oauth.application.fixture.good.IssueFixtureToken;
import dev.portcullis.oauth.application.fixture.good.memory.InMemoryFixtureStore;
import dev.portcullis.oauth.domain.fixture.bad.DomainUsingApplication;
import dev.portcullis.oauth.domain.fixture.bad.cycle.a.CycleA;
import dev.portcullis.oauth.domain.fixture.bad.cycle.b.CycleB;
import dev.portcullis.oauth.domain.fixture.good.FixtureValue;
import dev.portcullis.oauth.domain.port.fixture.good.FixtureStore;
import dev.portcullis.oauth.fixture.bad.StrayClass;
import dev.portcullis.oauth.runtime.fixture.good.FixtureSettings;
import dev.portcullis.oauth.runtime.fixture.good.FixtureWiring;
import org.junit.jupiter.api.Test;

/** Proves that each rule in {@link ModuleRules} can fail, and passes on a well-formed set of classes. */
class ModuleRulesTest {

    /** One well-formed class or more in every module, wired the way STYLE.md §1 allows. */
    private static final JavaClasses GOOD = classes(
            FixtureValue.class, FixtureStore.class,
            IssueFixtureToken.class, InMemoryFixtureStore.class, FixtureGrantHandler.class,
            JpaFixtureRepository.class, FixtureEntity.class,
            FixtureResource.class,
            FixtureWiring.class, FixtureSettings.class);

    @Test
    void modulesDependOnlyAlongTheArrowsWhenViolatedThenReported() {
        JavaClasses bad = classes(DomainUsingApplication.class, IssueFixtureToken.class,
                ApplicationConstructingAdapter.class, JpaFixtureRepository.class,
                RestCallingPersistence.class,
                PersistenceReadingRuntimeSettings.class, FixtureSettings.class,
                FixtureValue.class);

        assertViolated(ModuleRules.modulesDependOnlyAlongTheArrows, bad,
                DomainUsingApplication.class, ApplicationConstructingAdapter.class,
                RestCallingPersistence.class, PersistenceReadingRuntimeSettings.class);
    }

    @Test
    void modulesDependOnlyAlongTheArrowsWhenFollowedThenPasses() {
        assertPassed(ModuleRules.modulesDependOnlyAlongTheArrows, GOOD);
    }

    @Test
    void nothingDependsOnTheRuntimeWhenViolatedThenReported() {
        JavaClasses bad = classes(PersistenceReadingRuntimeSettings.class, FixtureSettings.class);

        assertViolated(ModuleRules.nothingDependsOnTheRuntime, bad, PersistenceReadingRuntimeSettings.class);
    }

    @Test
    void nothingDependsOnTheRuntimeWhenFollowedThenPasses() {
        assertPassed(ModuleRules.nothingDependsOnTheRuntime, GOOD);
    }

    @Test
    void adaptersDoNotDependOnEachOtherWhenViolatedThenReported() {
        JavaClasses bad = classes(RestCallingPersistence.class, JpaFixtureRepository.class);

        assertViolated(ModuleRules.adaptersDoNotDependOnEachOther, bad, RestCallingPersistence.class);
    }

    @Test
    void adaptersDoNotDependOnEachOtherWhenFollowedThenPasses() {
        assertPassed(ModuleRules.adaptersDoNotDependOnEachOther, GOOD);
    }

    @Test
    void classesBelongToAModuleWhenViolatedThenReported() {
        JavaClasses bad = classes(StrayClass.class, FixtureValue.class);

        assertViolated(ModuleRules.classesBelongToAModule, bad, StrayClass.class);
    }

    @Test
    void classesBelongToAModuleWhenFollowedThenPasses() {
        assertPassed(ModuleRules.classesBelongToAModule, GOOD);
    }

    @Test
    void packagesAreFreeOfCyclesWhenViolatedThenReported() {
        JavaClasses bad = classes(CycleA.class, CycleB.class);

        assertViolated(ModuleRules.packagesAreFreeOfCycles, bad, CycleA.class, CycleB.class);
    }

    @Test
    void packagesAreFreeOfCyclesWhenFollowedThenPasses() {
        assertPassed(ModuleRules.packagesAreFreeOfCycles, GOOD);
    }

    @Test
    void onlyTheRuntimeConstructsAdaptersWhenViolatedThenReported() {
        JavaClasses bad = classes(ApplicationConstructingAdapter.class, RestCallingPersistence.class,
                JpaFixtureRepository.class);

        assertViolated(ModuleRules.onlyTheRuntimeConstructsAdapters, bad,
                ApplicationConstructingAdapter.class, RestCallingPersistence.class);
    }

    @Test
    void onlyTheRuntimeConstructsAdaptersWhenInMemoryRepositoryOrOwnAdapterThenPasses() {
        assertPassed(ModuleRules.onlyTheRuntimeConstructsAdapters, GOOD);
    }
}
