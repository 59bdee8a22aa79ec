package dev.portcullis.oauth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static dev.portcullis.oauth.architecture.Modules.ADAPTERS_PREFIX;
import static dev.portcullis.oauth.architecture.Modules.APPLICATION;
import static dev.portcullis.oauth.architecture.Modules.DOMAIN;
import static dev.portcullis.oauth.architecture.Modules.PERSISTENCE;
import static dev.portcullis.oauth.architecture.Modules.REST;
import static dev.portcullis.oauth.architecture.Modules.RUNTIME;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The module structure: which module may depend on which, and who may construct adapters
 * (DESIGN.md "Modules", STYLE.md §1 and §11.1, §11.6).
 */
@AnalyzeClasses(
        packages = Modules.ROOT,
        importOptions = {
            ImportOption.DoNotIncludeTests.class,
            ImportOption.DoNotIncludePackageInfos.class,
            DoNotIncludeArchitectureTests.class
        })
final class ModuleRules {

    /**
     * The arrows of STYLE.md §1: runtime → adapters → application → domain, nothing else. Every
     * layer is mandatory, so a module moved away from its package fails the rule instead of
     * escaping it.
     */
    @ArchTest
    static final ArchRule modulesDependOnlyAlongTheArrows = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Application").definedBy(APPLICATION)
            .layer("Persistence adapter").definedBy(PERSISTENCE)
            .layer("REST adapter").definedBy(REST)
            .layer("Runtime").definedBy(RUNTIME)
            .whereLayer("Runtime").mayNotBeAccessedByAnyLayer()
            .whereLayer("REST adapter").mayOnlyBeAccessedByLayers("Runtime")
            .whereLayer("Persistence adapter").mayOnlyBeAccessedByLayers("Runtime")
            .whereLayer("Application")
            .mayOnlyBeAccessedByLayers("REST adapter", "Persistence adapter", "Runtime")
            .whereLayer("Domain")
            .mayOnlyBeAccessedByLayers("Application", "REST adapter", "Persistence adapter", "Runtime")
            .because("arrows are the only allowed compile dependencies (DESIGN.md \"Modules\", STYLE.md §1)");

    @ArchTest
    static final ArchRule nothingDependsOnTheRuntime = noClasses()
            .that().resideOutsideOfPackage(RUNTIME)
            .should().dependOnClassesThat().resideInAPackage(RUNTIME)
            .because("oauth-runtime is the composition root that only it knows (STYLE.md §11.1)");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = slices()
            .matching("dev.portcullis.oauth.adapters.(*)..")
            .namingSlices("adapter $1")
            .should().notDependOnEachOther()
            .because("adapters implement ports or call use cases, never each other (STYLE.md §1, §11.1)");

    @ArchTest
    static final ArchRule classesBelongToAModule = classes()
            .should().resideInAnyPackage(DOMAIN, APPLICATION, PERSISTENCE, REST, RUNTIME)
            .because("the root is followed by the module (STYLE.md §2), which the dependency rules rely on");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices()
            .matching("dev.portcullis.oauth.(**)")
            .should().beFreeOfCycles()
            .because("no package cycles (DESIGN.md \"Modules\", STYLE.md §11.6)");

    /**
     * In-memory repositories live in {@code dev.portcullis.oauth.application.memory}, outside
     * {@code ..adapters..}, so embedders and tests may construct them; this rule does not see them.
     */
    @ArchTest
    static final ArchRule onlyTheRuntimeConstructsAdapters = classes()
            .that().resideOutsideOfPackage(RUNTIME)
            .should(notConstructAdaptersOfAnotherModule())
            .because("oauth-runtime is the only caller of adapter constructors (STYLE.md §1, DESIGN.md \"Modules\")");

    private static ArchCondition<JavaClass> notConstructAdaptersOfAnotherModule() {
        return new ArchCondition<>("not construct classes of an adapter module other than their own") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Stream.concat(
                                origin.getConstructorCallsFromSelf().stream(),
                                origin.getConstructorReferencesFromSelf().stream())
                        .filter(construction -> constructsForeignAdapter(construction, origin))
                        .forEach(construction -> events.add(
                                SimpleConditionEvent.violated(construction, construction.getDescription())));
            }
        };
    }

    private static boolean constructsForeignAdapter(JavaAccess<?> construction, JavaClass origin) {
        Optional<String> targetAdapter = adapterOf(construction.getTargetOwner());
        return targetAdapter.isPresent() && !targetAdapter.equals(adapterOf(origin));
    }

    /** The adapter module a class belongs to ({@code persistence}, {@code rest}), if any. */
    private static Optional<String> adapterOf(JavaClass javaClass) {
        String packageName = javaClass.getPackageName() + ".";
        if (!packageName.startsWith(ADAPTERS_PREFIX)) {
            return Optional.empty();
        }
        String below = packageName.substring(ADAPTERS_PREFIX.length());
        return Optional.of(below.isEmpty() ? "" : below.substring(0, below.indexOf('.')));
    }
}
