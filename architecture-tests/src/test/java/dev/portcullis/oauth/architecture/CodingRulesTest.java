package dev.portcullis.oauth.architecture;

import static dev.portcullis.oauth.architecture.RuleAssertions.assertPassed;
import static dev.portcullis.oauth.architecture.RuleAssertions.assertViolated;
import static dev.portcullis.oauth.architecture.RuleAssertions.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.portcullis.oauth.application.fixture.bad.InjectsAField;
import dev.portcullis.oauth.application.fixture.bad.PrintsToStandardOut;
import dev.portcullis.oauth.application.fixture.bad.ThrowsGenericException;
import dev.portcullis.oauth.application.fixture.bad.UsesJavaUtilLogging;
import dev.portcullis.oauth.application.fixture.good.IssueFixtureToken;
import dev.portcullis.oauth.domain.fixture.bad.SystemClockReaders;
import dev.portcullis.oauth.domain.fixture.good.FixtureValue;
import dev.portcullis.oauth.runtime.fixture.good.FixtureWiring;
import org.junit.jupiter.api.Test;

/** Proves that each rule in {@link CodingRules} can fail, and passes on a well-formed set of classes. */
class CodingRulesTest {

    /** Reads time from a Clock; only the runtime creates the system clock. */
    private static final JavaClasses GOOD = classes(FixtureValue.class, IssueFixtureToken.class, FixtureWiring.class);

    @Test
    void onlyTheRuntimeReadsTheSystemClockWhenViolatedThenReported() {
        Class<?>[] readers = {
            SystemClockReaders.InstantNow.class,
            SystemClockReaders.LocalDateTimeNow.class,
            SystemClockReaders.OffsetDateTimeNow.class,
            SystemClockReaders.ZonedDateTimeNowInZone.class,
            SystemClockReaders.CurrentTimeMillis.class,
            SystemClockReaders.ClockSystemUtc.class,
            SystemClockReaders.ClockSystemDefaultZone.class,
            SystemClockReaders.InstantNowReference.class
        };

        assertViolated(CodingRules.onlyTheRuntimeReadsTheSystemClock, classes(readers), readers);
    }

    @Test
    void onlyTheRuntimeReadsTheSystemClockWhenClockInjectedOrInRuntimeThenPasses() {
        assertPassed(CodingRules.onlyTheRuntimeReadsTheSystemClock, GOOD);
    }

    @Test
    void noStandardStreamsWhenViolatedThenReported() {
        assertViolated(CodingRules.noStandardStreams, classes(PrintsToStandardOut.class), PrintsToStandardOut.class);
    }

    @Test
    void noStandardStreamsWhenFollowedThenPasses() {
        assertPassed(CodingRules.noStandardStreams, GOOD);
    }

    @Test
    void noGenericExceptionsWhenViolatedThenReported() {
        assertViolated(CodingRules.noGenericExceptions, classes(ThrowsGenericException.class),
                ThrowsGenericException.class);
    }

    @Test
    void noGenericExceptionsWhenFollowedThenPasses() {
        assertPassed(CodingRules.noGenericExceptions, GOOD);
    }

    @Test
    void noJavaUtilLoggingWhenViolatedThenReported() {
        assertViolated(CodingRules.noJavaUtilLogging, classes(UsesJavaUtilLogging.class), UsesJavaUtilLogging.class);
    }

    @Test
    void noJavaUtilLoggingWhenFollowedThenPasses() {
        assertPassed(CodingRules.noJavaUtilLogging, GOOD);
    }

    @Test
    void noFieldInjectionWhenViolatedThenReported() {
        assertViolated(CodingRules.noFieldInjection, classes(InjectsAField.class), InjectsAField.class);
    }

    @Test
    void noFieldInjectionWhenFollowedThenPasses() {
        assertPassed(CodingRules.noFieldInjection, GOOD);
    }
}
