package dev.portcullis.oauth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.portcullis.oauth.architecture.Modules.RUNTIME;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Clock;
import java.util.List;

/** Code-level rules: time, and ArchUnit's general coding rules (STYLE.md §4, §6, §8, §11.5, §11.7). */
@AnalyzeClasses(
        packages = Modules.ROOT,
        importOptions = {
            ImportOption.DoNotIncludeTests.class,
            ImportOption.DoNotIncludePackageInfos.class,
            DoNotIncludeArchitectureTests.class
        })
final class CodingRules {

    /**
     * Also catches method references ({@code Instant::now}) and the {@code now(ZoneId)} and
     * {@code Clock.system(ZoneId)} / {@code tickMillis(ZoneId)} variants, which read the same clock.
     */
    @ArchTest
    static final ArchRule onlyTheRuntimeReadsTheSystemClock = noClasses()
            .that().resideOutsideOfPackage(RUNTIME)
            .should().accessTargetWhere(readsTheSystemClock())
            .because("a class that needs \"now\" takes a java.time.Clock and only wiring code creates "
                    + "Clock.systemUTC() (STYLE.md §4, §11.5)");

    @ArchTest
    static final ArchRule noStandardStreams = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.portcullis.oauth.runtime.Main")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("use SLF4J only (STYLE.md §8, §11.7); the command-line entry point alone writes its "
                    + "usage, configuration errors and the development banner to the console it was started from");

    @ArchTest
    static final ArchRule noGenericExceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("a refusal is an OAuthException, a programming error IllegalArgumentException or "
                    + "NullPointerException, never a bare RuntimeException or Exception (STYLE.md §6, §11.7)");

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("use SLF4J only (STYLE.md §8, §11.7)");

    @ArchTest
    static final ArchRule noFieldInjection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION
            .because("wiring is plain constructor calls in one place, no DI container (STYLE.md §1, §11.7)");

    private static final List<String> JAVA_TIME_TYPES_WITH_NOW = List.of(
            "java.time.Instant", "java.time.LocalDateTime", "java.time.OffsetDateTime",
            "java.time.ZonedDateTime", "java.time.LocalDate", "java.time.LocalTime",
            "java.time.OffsetTime", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

    private static DescribedPredicate<JavaAccess<?>> readsTheSystemClock() {
        return DescribedPredicate.describe(
                "reads the system clock (Instant.now(), LocalDateTime.now(), OffsetDateTime.now(), "
                        + "System.currentTimeMillis(), Clock.systemUTC(), Clock.systemDefaultZone(), ...)",
                access -> readsTheSystemClock(access.getTarget()));
    }

    private static boolean readsTheSystemClock(AccessTarget target) {
        String owner = target.getOwner().getName();
        String name = target.getName();
        if (owner.equals("java.lang.System")) {
            return name.equals("currentTimeMillis");
        }
        if (owner.equals(Clock.class.getName())) {
            return name.startsWith("system") || (name.startsWith("tick") && !name.equals("tick"));
        }
        return JAVA_TIME_TYPES_WITH_NOW.contains(owner) && name.equals("now") && !takesAClock(target);
    }

    private static boolean takesAClock(AccessTarget target) {
        return target instanceof CodeUnitAccessTarget codeUnit
                && codeUnit.getRawParameterTypes().size() == 1
                && codeUnit.getRawParameterTypes().get(0).isEquivalentTo(Clock.class);
    }
}
