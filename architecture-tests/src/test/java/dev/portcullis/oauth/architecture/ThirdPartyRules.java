package dev.portcullis.oauth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.portcullis.oauth.architecture.Modules.ADAPTERS;
import static dev.portcullis.oauth.architecture.Modules.APPLICATION;
import static dev.portcullis.oauth.architecture.Modules.DOMAIN;
import static dev.portcullis.oauth.architecture.Modules.PERSISTENCE;
import static dev.portcullis.oauth.architecture.Modules.REST;
import static dev.portcullis.oauth.architecture.Modules.RUNTIME;
import static dev.portcullis.oauth.architecture.Modules.RUNTIME_CRYPTO;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Which third-party libraries each module may use (DESIGN.md "Modules", STYLE.md §11.2 and §11.3).
 * oauth-runtime is the composition root and may use everything, so it is exempt from every rule here.
 */
@AnalyzeClasses(
        packages = Modules.ROOT,
        importOptions = {
            ImportOption.DoNotIncludeTests.class,
            ImportOption.DoNotIncludePackageInfos.class,
            DoNotIncludeArchitectureTests.class
        })
final class ThirdPartyRules {

    @ArchTest
    static final ArchRule domainUsesOnlyTheJdk = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .because("the domain imports nothing outside java.* (DESIGN.md \"Modules\", STYLE.md §11.2)");

    /**
     * {@code javax.crypto} is part of the JDK's {@code java.base} module (JCA: HMAC, AES-GCM, PBKDF2)
     * and is what "JOSE work behind the domain ports" needs besides Nimbus.
     */
    @ArchTest
    static final ArchRule applicationUsesOnlyTheDomainNimbusAndSlf4j = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "javax.crypto..", DOMAIN, APPLICATION, "com.nimbusds..", "org.slf4j..")
            .because("oauth-application adds only domain, com.nimbusds and org.slf4j to the JDK "
                    + "(DESIGN.md \"Modules\", STYLE.md §11.2)");

    @ArchTest
    static final ArchRule persistenceTechnologyStaysInThePersistenceAdapter = noClasses()
            .that().resideOutsideOfPackages(PERSISTENCE, RUNTIME)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.hibernate..", "jakarta.persistence..", "liquibase..", "org.postgresql..", "org.h2..")
            .because("Hibernate, Jakarta Persistence, Liquibase and JDBC drivers are used only in "
                    + "oauth-adapters-persistence (DESIGN.md \"Modules\", STYLE.md §11.3)");

    @ArchTest
    static final ArchRule restTechnologyStaysInTheRestAdapter = noClasses()
            .that().resideOutsideOfPackages(REST, RUNTIME)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.ws.rs..", "org.glassfish..", "com.fasterxml.jackson..")
            .because("Jakarta REST, Jersey and Jackson are used only in oauth-adapters-rest "
                    + "(DESIGN.md \"Modules\", STYLE.md §11.3)");

    @ArchTest
    static final ArchRule resilience4jStaysInTheAdapters = noClasses()
            .that().resideOutsideOfPackages(ADAPTERS, RUNTIME)
            .should().dependOnClassesThat().resideInAPackage("io.github.resilience4j..")
            .because("Resilience4j wraps outbound calls inside the adapter that makes them, never in a port "
                    + "or use case (STYLE.md §7, §11.3)");

    /**
     * The provider list is JVM-global and chosen once at start: everything else asks the JCA without
     * naming a provider, so the one installed first does the work.
     */
    @ArchTest
    static final ArchRule nativeCryptoProviderStaysInTheRuntimeCrypto = noClasses()
            .that().resideOutsideOfPackage(RUNTIME_CRYPTO)
            .should().dependOnClassesThat().resideInAPackage("com.amazon.corretto..")
            .because("the runtime alone chooses and installs the JCA provider, once at start (CryptoProviders, "
                    + "README \"Performance\"); the rest asks the JCA without naming one");
}
