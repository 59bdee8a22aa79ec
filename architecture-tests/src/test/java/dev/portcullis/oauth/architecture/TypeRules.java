package dev.portcullis.oauth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static dev.portcullis.oauth.architecture.Modules.DOMAIN;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.portcullis.oauth.application.grant.GrantHandler;
import org.slf4j.Logger;

/**
 * The shape of particular kinds of types: ports, grant handlers, domain values, loggers
 * (DESIGN.md "Modules", STYLE.md §2, §3, §5, §8 and §11.4, §11.7).
 */
@AnalyzeClasses(
        packages = Modules.ROOT,
        importOptions = {
            ImportOption.DoNotIncludeTests.class,
            ImportOption.DoNotIncludePackageInfos.class,
            DoNotIncludeArchitectureTests.class
        })
final class TypeRules {

    @ArchTest
    static final ArchRule portsAreInterfaces = classes()
            .that().resideInAPackage("..port..")
            .should().beInterfaces()
            .because("outbound port packages hold interfaces only (STYLE.md §2, §11.4)");

    @ArchTest
    static final ArchRule portsLiveInTheDomainOrTheApplication = classes()
            .that().resideInAPackage("..port..")
            .should().resideInAnyPackage("dev.portcullis.oauth.domain.port..", "dev.portcullis.oauth.application.port..")
            .because("ports are interfaces in domain.port, or application.port when they need application "
                    + "types (DESIGN.md \"Modules\", STYLE.md §2)");

    @ArchTest
    static final ArchRule grantHandlersAreFinalAndNamedAfterTheirGrant = classes()
            .that().implement(GrantHandler.class)
            .should().haveModifier(JavaModifier.FINAL)
            .andShould().haveSimpleNameEndingWith("GrantHandler")
            .because("a grant is one stateless final class named <Grant>GrantHandler "
                    + "(STYLE.md §2, §3, §5, §11.4)");

    @ArchTest
    static final ArchRule domainHasNoSetters = noMethods()
            .that().areDeclaredInClassesThat().resideInAPackage(DOMAIN)
            .and().arePublic()
            .should().haveNameMatching("set[A-Z].*")
            .because("values are records and a change returns a new value (STYLE.md §3, §11.7)");

    @ArchTest
    static final ArchRule loggersArePrivateStaticFinal = fields()
            .that().haveRawType(Logger.class)
            .should().bePrivate()
            .andShould().beStatic()
            .andShould().beFinal()
            .because("use SLF4J through a private static final Logger (STYLE.md §8, §11.7)");
}
