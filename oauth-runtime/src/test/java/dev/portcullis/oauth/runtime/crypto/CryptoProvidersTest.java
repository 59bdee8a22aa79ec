package dev.portcullis.oauth.runtime.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.portcullis.oauth.runtime.config.ConfigurationException;
import dev.portcullis.oauth.runtime.config.CryptoProviderMode;
import dev.portcullis.oauth.runtime.config.CryptoSettings;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Which provider signs after {@link CryptoProviders#install}. The provider list is JVM-global: each
 * test starts without ACCP and puts the list back as it found it.
 */
class CryptoProvidersTest {

    private static final String ACCP = "AmazonCorrettoCryptoProvider";

    private static final NativeProviderSource UNAVAILABLE = () -> {
        throw new NativeProviderUnavailableException("no native library for this platform", null);
    };

    private static final NativeProviderSource NEVER_LOADED = () -> {
        throw new AssertionError("the native provider must not be loaded");
    };

    private final Logger logger = (Logger) LoggerFactory.getLogger(CryptoProviders.class);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Provider[] saved;

    @BeforeEach
    void saveProvidersAndCaptureLog() {
        saved = Security.getProviders();
        Security.removeProvider(ACCP);
        captured.start();
        logger.addAppender(captured);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void restoreProviders() {
        logger.detachAppender(captured);
        logger.setLevel(null);
        Arrays.stream(Security.getProviders()).forEach(p -> Security.removeProvider(p.getName()));
        for (int i = 0; i < saved.length; i++) {
            Security.insertProviderAt(saved[i], i + 1);
        }
    }

    @Test
    void installWhenAutoAndAccpAvailableThenAccpFirstAndLogged() {
        assumeAccpBuildForThisPlatform();

        ProviderChoice choice = new CryptoProviders().install(CryptoSettings.DEFAULTS);

        assertEquals(ACCP, Security.getProviders()[0].getName());
        assertFalse(choice.jdk());
        assertTrue(choice.name().startsWith("ACCP 2."), choice.name());
        assertEquals(List.of("INFO crypto provider: " + choice.name() + " (native)"), lines());
    }

    @Test
    void installWhenJdkThenNativeProviderNeitherLoadedNorInstalled() {
        ProviderChoice choice = new CryptoProviders(NEVER_LOADED)
                .install(new CryptoSettings(CryptoProviderMode.JDK, "crypto.provider"));

        assertNull(Security.getProvider(ACCP));
        assertEquals(new ProviderChoice("JDK", true), choice);
        assertTrue(CryptoProviders.isJdk(CryptoProviders.firstSigningProvider().orElseThrow()));
        assertEquals(List.of("INFO crypto provider: JDK (crypto.provider=jdk)"), lines());
    }

    @Test
    void installWhenAutoAndNativeUnavailableThenJdkWithTheReasonLogged() {
        List<String> before = names();

        ProviderChoice choice = new CryptoProviders(UNAVAILABLE).install(CryptoSettings.DEFAULTS);

        assertEquals(new ProviderChoice("JDK", true), choice);
        assertEquals(before, names());
        assertEquals(List.of("INFO crypto provider: JDK (ACCP unavailable: no native library for this platform)"),
                lines());
    }

    @Test
    void installWhenNativeAndUnavailableThenConfigurationErrorNamingTheKey() {
        List<String> before = names();
        CryptoProviders providers = new CryptoProviders(UNAVAILABLE);

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> providers.install(new CryptoSettings(CryptoProviderMode.NATIVE, "crypto.provider")));

        assertEquals("crypto.provider", thrown.key());
        assertEquals("is native, but the native crypto provider (ACCP) cannot be used on this platform: "
                + "no native library for this platform; use auto or jdk", thrown.problem());
        assertEquals(before, names());
    }

    @Test
    void installWhenNativeAndAvailableThenInstalledFirst() {
        Provider stand = standIn();

        ProviderChoice choice = new CryptoProviders(() -> new NativeProvider(stand, "Stand-in 1.0"))
                .install(new CryptoSettings(CryptoProviderMode.NATIVE, "PORTCULLIS_CRYPTO_PROVIDER"));

        assertSame(stand, Security.getProviders()[0]);
        assertEquals(new ProviderChoice("Stand-in 1.0", false), choice);
        assertEquals(List.of("INFO crypto provider: Stand-in 1.0 (native)"), lines());
    }

    @Test
    void installWhenNativeProviderAlreadyInstalledLastThenMovedFirst() {
        Provider stand = standIn();
        Security.addProvider(stand);

        new CryptoProviders(() -> new NativeProvider(stand, "Stand-in 1.0")).install(CryptoSettings.DEFAULTS);

        assertSame(stand, Security.getProviders()[0]);
        assertEquals(1, names().stream().filter(stand.getName()::equals).count());
    }

    @Test
    void installWhenJdkButHostInstalledAProviderFirstThenLeftAndWarned() {
        Provider stand = standIn();
        Security.insertProviderAt(stand, 1);

        ProviderChoice choice = new CryptoProviders(NEVER_LOADED)
                .install(new CryptoSettings(CryptoProviderMode.JDK, "crypto.provider"));

        assertSame(stand, Security.getProviders()[0]);
        assertEquals(new ProviderChoice(stand.getName(), false), choice);
        assertEquals(List.of("WARN crypto provider: PortcullisStandIn (crypto.provider=jdk, "
                + "but the host application installed this provider first)"), lines());
    }

    @Test
    void checkWhenNativeAndUnavailableThenConfigurationError() {
        CryptoProviders providers = new CryptoProviders(UNAVAILABLE);

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> providers.check(new CryptoSettings(CryptoProviderMode.NATIVE, "PORTCULLIS_CRYPTO_PROVIDER")));

        assertEquals("PORTCULLIS_CRYPTO_PROVIDER", thrown.key());
    }

    @Test
    void checkWhenAutoOrJdkThenNothingLoadedOrInstalled() {
        List<String> before = names();
        CryptoProviders providers = new CryptoProviders(NEVER_LOADED);

        providers.check(CryptoSettings.DEFAULTS);
        providers.check(new CryptoSettings(CryptoProviderMode.JDK, "crypto.provider"));

        assertEquals(before, names());
        assertEquals(List.of(), lines());
    }

    @Test
    void isJdkWhenSunEcThenTrueWhenApplicationProviderThenFalse() {
        assertTrue(CryptoProviders.isJdk(Security.getProvider("SunEC")));
        assertFalse(CryptoProviders.isJdk(standIn()));
    }

    /** Runs where the dependency's native library is built for: linux-x86_64. */
    static void assumeAccpBuildForThisPlatform() {
        assumeTrue("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch")),
                "ACCP's linux-x86_64 build");
    }

    /** An application-loaded provider that claims the ES256 signature. */
    private static Provider standIn() {
        Provider provider = new Provider("PortcullisStandIn", "1.0", "a stand-in native provider") {
            private static final long serialVersionUID = 1L;
        };
        provider.put("Signature.SHA256withECDSA", "dev.portcullis.oauth.runtime.crypto.NoSuchSignature");
        return provider;
    }

    private static List<String> names() {
        return Arrays.stream(Security.getProviders()).map(Provider::getName).toList();
    }

    private List<String> lines() {
        return captured.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }
}
