package dev.portcullis.oauth.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/** Runs a production rule on a few fixture classes, to prove the rule can fail and can pass. */
final class RuleAssertions {

    private RuleAssertions() {
    }

    /** Exactly these classes; what they refer to is seen as a dependency, not imported. */
    static JavaClasses classes(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    /** Asserts that {@code rule} reports a violation, and that its report names every offender. */
    static void assertViolated(ArchRule rule, JavaClasses classes, Class<?>... offenders) {
        EvaluationResult result = rule.evaluate(classes);

        assertTrue(result.hasViolation(), () -> "expected a violation of: " + rule.getDescription());
        String report = result.getFailureReport().toString();
        for (Class<?> offender : offenders) {
            assertTrue(report.contains(offender.getName()),
                    () -> "expected " + offender.getName() + " in the report:\n" + report);
        }
    }

    /** Asserts that {@code rule} holds for {@code classes}, and was not satisfied merely by matching nothing. */
    static void assertPassed(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.allowEmptyShould(false).evaluate(classes);

        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }
}
