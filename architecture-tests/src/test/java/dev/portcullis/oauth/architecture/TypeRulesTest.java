package dev.portcullis.oauth.architecture;

import static dev.portcullis.oauth.architecture.RuleAssertions.assertPassed;
import static dev.portcullis.oauth.architecture.RuleAssertions.assertViolated;
import static dev.portcullis.oauth.architecture.RuleAssertions.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.portcullis.oauth.adapters.rest.fixture.bad.port.RestPort;
import dev.portcullis.oauth.application.fixture.bad.AbstractFixtureGrantHandler;
import dev.portcullis.oauth.application.fixture.bad.FixtureHandler;
import dev.portcullis.oauth.application.fixture.bad.InstanceLogger;
import dev.portcullis.oauth.application.fixture.bad.PublicLogger;
import dev.portcullis.oauth.application.fixture.good.FixtureGrantHandler;
import dev.portcullis.oauth.application.fixture.good.IssueFixtureToken;
import dev.portcullis.oauth.domain.fixture.bad.MutableDomainValue;
import dev.portcullis.oauth.domain.fixture.bad.port.ClassInPortPackage;
import dev.portcullis.oauth.domain.fixture.bad.port.RecordInPortPackage;
import dev.portcullis.oauth.domain.fixture.good.FixtureValue;
import dev.portcullis.oauth.domain.port.fixture.good.FixtureStore;
import org.junit.jupiter.api.Test;

/** Proves that each rule in {@link TypeRules} can fail, and passes on a well-formed set of classes. */
class TypeRulesTest {

    private static final JavaClasses GOOD = classes(
            FixtureValue.class, FixtureStore.class, IssueFixtureToken.class, FixtureGrantHandler.class);

    @Test
    void portsAreInterfacesWhenViolatedThenReported() {
        JavaClasses bad = classes(ClassInPortPackage.class, RecordInPortPackage.class, FixtureStore.class);

        assertViolated(TypeRules.portsAreInterfaces, bad, ClassInPortPackage.class, RecordInPortPackage.class);
    }

    @Test
    void portsAreInterfacesWhenFollowedThenPasses() {
        assertPassed(TypeRules.portsAreInterfaces, GOOD);
    }

    @Test
    void portsLiveInTheDomainOrTheApplicationWhenViolatedThenReported() {
        JavaClasses bad = classes(RestPort.class, FixtureStore.class);

        assertViolated(TypeRules.portsLiveInTheDomainOrTheApplication, bad, RestPort.class);
    }

    @Test
    void portsLiveInTheDomainOrTheApplicationWhenFollowedThenPasses() {
        assertPassed(TypeRules.portsLiveInTheDomainOrTheApplication, GOOD);
    }

    @Test
    void grantHandlersAreFinalAndNamedAfterTheirGrantWhenViolatedThenReported() {
        JavaClasses bad = classes(AbstractFixtureGrantHandler.class, FixtureHandler.class, FixtureGrantHandler.class);

        assertViolated(TypeRules.grantHandlersAreFinalAndNamedAfterTheirGrant, bad,
                AbstractFixtureGrantHandler.class, FixtureHandler.class);
    }

    @Test
    void grantHandlersAreFinalAndNamedAfterTheirGrantWhenFollowedThenPasses() {
        assertPassed(TypeRules.grantHandlersAreFinalAndNamedAfterTheirGrant, GOOD);
    }

    @Test
    void domainHasNoSettersWhenViolatedThenReported() {
        JavaClasses bad = classes(MutableDomainValue.class, FixtureValue.class);

        assertViolated(TypeRules.domainHasNoSetters, bad, MutableDomainValue.class);
    }

    @Test
    void domainHasNoSettersWhenFollowedThenPasses() {
        assertPassed(TypeRules.domainHasNoSetters, GOOD);
    }

    @Test
    void loggersArePrivateStaticFinalWhenViolatedThenReported() {
        JavaClasses bad = classes(PublicLogger.class, InstanceLogger.class, IssueFixtureToken.class);

        assertViolated(TypeRules.loggersArePrivateStaticFinal, bad, PublicLogger.class, InstanceLogger.class);
    }

    @Test
    void loggersArePrivateStaticFinalWhenFollowedThenPasses() {
        assertPassed(TypeRules.loggersArePrivateStaticFinal, GOOD);
    }
}
