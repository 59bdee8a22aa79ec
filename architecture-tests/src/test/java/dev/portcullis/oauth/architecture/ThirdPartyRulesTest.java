package dev.portcullis.oauth.architecture;

import static dev.portcullis.oauth.architecture.RuleAssertions.assertPassed;
import static dev.portcullis.oauth.architecture.RuleAssertions.assertViolated;
import static dev.portcullis.oauth.architecture.RuleAssertions.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.portcullis.oauth.adapters.persistence.fixture.bad.PersistenceUsingJackson;
import dev.portcullis.oauth.adapters.persistence.fixture.bad.PersistenceUsingJakartaRest;
import dev.portcullis.oauth.adapters.persistence.fixture.bad.PersistenceUsingJersey;
import dev.portcullis.oauth.adapters.persistence.fixture.good.FixtureEntity;
import dev.portcullis.oauth.adapters.persistence.fixture.good.JpaFixtureRepository;
import dev.portcullis.oauth.adapters.rest.fixture.bad.RestUsingHibernate;
import dev.portcullis.oauth.adapters.rest.fixture.bad.RestUsingJakartaPersistence;
import dev.portcullis.oauth.adapters.rest.fixture.bad.RestUsingJdbcDriver;
import dev.portcullis.oauth.adapters.rest.fixture.bad.RestUsingLiquibase;
import dev.portcullis.oauth.adapters.rest.fixture.good.FixtureResource;
import dev.portcullis.oauth.application.fixture.bad.ApplicationUsingAccp;
import dev.portcullis.oauth.application.fixture.bad.ApplicationUsingJackson;
import dev.portcullis.oauth.application.fixture.bad.ApplicationUsingResilience4j;
import dev.portcullis.oauth.application.fixture.good.FixtureGrantHandler;
import dev.portcullis.oauth.application.fixture.good.IssueFixtureToken;
import dev.portcullis.oauth.application.fixture.good.memory.InMemoryFixtureStore;
import dev.portcullis.oauth.domain.fixture.bad.DomainUsingSlf4j;
import dev.portcullis.oauth.domain.fixture.good.FixtureValue;
import dev.portcullis.oauth.domain.port.fixture.good.FixtureStore;
import dev.portcullis.oauth.runtime.crypto.fixture.good.FixtureProviderChoice;
import dev.portcullis.oauth.runtime.fixture.bad.WiringInstallingAccp;
import dev.portcullis.oauth.runtime.fixture.good.FixtureSettings;
import dev.portcullis.oauth.runtime.fixture.good.FixtureWiring;
import org.junit.jupiter.api.Test;

/** Proves that each rule in {@link ThirdPartyRules} can fail, and passes on a well-formed set of classes. */
class ThirdPartyRulesTest {

    /** Each module using what it may, the runtime using everything. */
    private static final JavaClasses GOOD = classes(
            FixtureValue.class, FixtureStore.class,
            IssueFixtureToken.class, InMemoryFixtureStore.class, FixtureGrantHandler.class,
            JpaFixtureRepository.class, FixtureEntity.class,
            FixtureResource.class,
            FixtureWiring.class, FixtureSettings.class);

    @Test
    void domainUsesOnlyTheJdkWhenViolatedThenReported() {
        JavaClasses bad = classes(DomainUsingSlf4j.class, FixtureValue.class);

        assertViolated(ThirdPartyRules.domainUsesOnlyTheJdk, bad, DomainUsingSlf4j.class);
    }

    @Test
    void domainUsesOnlyTheJdkWhenFollowedThenPasses() {
        assertPassed(ThirdPartyRules.domainUsesOnlyTheJdk, GOOD);
    }

    @Test
    void applicationUsesOnlyTheDomainNimbusAndSlf4jWhenViolatedThenReported() {
        JavaClasses bad = classes(ApplicationUsingJackson.class, ApplicationUsingResilience4j.class,
                IssueFixtureToken.class);

        assertViolated(ThirdPartyRules.applicationUsesOnlyTheDomainNimbusAndSlf4j, bad,
                ApplicationUsingJackson.class, ApplicationUsingResilience4j.class);
    }

    @Test
    void applicationUsesOnlyTheDomainNimbusAndSlf4jWhenFollowedThenPasses() {
        assertPassed(ThirdPartyRules.applicationUsesOnlyTheDomainNimbusAndSlf4j, GOOD);
    }

    @Test
    void persistenceTechnologyStaysInThePersistenceAdapterWhenViolatedThenReported() {
        JavaClasses bad = classes(RestUsingHibernate.class, RestUsingJakartaPersistence.class,
                RestUsingLiquibase.class, RestUsingJdbcDriver.class, JpaFixtureRepository.class);

        assertViolated(ThirdPartyRules.persistenceTechnologyStaysInThePersistenceAdapter, bad,
                RestUsingHibernate.class, RestUsingJakartaPersistence.class,
                RestUsingLiquibase.class, RestUsingJdbcDriver.class);
    }

    @Test
    void persistenceTechnologyStaysInThePersistenceAdapterWhenFollowedThenPasses() {
        assertPassed(ThirdPartyRules.persistenceTechnologyStaysInThePersistenceAdapter, GOOD);
    }

    @Test
    void restTechnologyStaysInTheRestAdapterWhenViolatedThenReported() {
        JavaClasses bad = classes(PersistenceUsingJackson.class, PersistenceUsingJakartaRest.class,
                PersistenceUsingJersey.class, ApplicationUsingJackson.class, FixtureResource.class);

        assertViolated(ThirdPartyRules.restTechnologyStaysInTheRestAdapter, bad,
                PersistenceUsingJackson.class, PersistenceUsingJakartaRest.class,
                PersistenceUsingJersey.class, ApplicationUsingJackson.class);
    }

    @Test
    void restTechnologyStaysInTheRestAdapterWhenFollowedThenPasses() {
        assertPassed(ThirdPartyRules.restTechnologyStaysInTheRestAdapter, GOOD);
    }

    @Test
    void resilience4jStaysInTheAdaptersWhenViolatedThenReported() {
        JavaClasses bad = classes(ApplicationUsingResilience4j.class, FixtureResource.class);

        assertViolated(ThirdPartyRules.resilience4jStaysInTheAdapters, bad, ApplicationUsingResilience4j.class);
    }

    @Test
    void resilience4jStaysInTheAdaptersWhenFollowedThenPasses() {
        assertPassed(ThirdPartyRules.resilience4jStaysInTheAdapters, GOOD);
    }

    @Test
    void nativeCryptoProviderStaysInTheRuntimeCryptoWhenViolatedThenReported() {
        JavaClasses bad = classes(WiringInstallingAccp.class, ApplicationUsingAccp.class, FixtureProviderChoice.class);

        assertViolated(ThirdPartyRules.nativeCryptoProviderStaysInTheRuntimeCrypto, bad,
                WiringInstallingAccp.class, ApplicationUsingAccp.class);
    }

    @Test
    void nativeCryptoProviderStaysInTheRuntimeCryptoWhenFollowedThenPasses() {
        assertPassed(ThirdPartyRules.nativeCryptoProviderStaysInTheRuntimeCrypto,
                classes(FixtureProviderChoice.class, FixtureWiring.class, IssueFixtureToken.class));
    }
}
