package dev.portcullis.oauth.runtime.crypto;

import dev.portcullis.oauth.runtime.config.ConfigurationException;
import dev.portcullis.oauth.runtime.config.CryptoProviderMode;
import dev.portcullis.oauth.runtime.config.CryptoSettings;
import java.security.Provider;
import java.security.Security;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses once, at start, which JCA provider signs ({@code crypto.provider}, README "Performance"):
 * the native Amazon Corretto Crypto Provider, installed first in the provider list when it loads and
 * passes its health check here, or the JDK's providers; and logs at INFO which one signs.
 *
 * <p>Nimbus' RSA and EC signers and verifiers, and {@code JcaEd25519Signer}, ask the JCA for a
 * signature without naming a provider, so the first provider in the list that has it signs. Key
 * objects the key ring builds after this also come from its key factories.
 *
 * <p>Installed first, ACCP is also the default {@link java.security.SecureRandom}: {@code new
 * SecureRandom()} then gives its {@code LibCryptoRng}, AWS-LC's CTR-DRBG (NIST SP 800-90A, AES-256),
 * seeded and reseeded from the operating system. That is a CSPRNG, and the server keeps it for token
 * values, codes, salts and keys; {@code SecureRandom.getInstanceStrong()} stays the JDK's blocking one.
 *
 * <p>The provider list is JVM-global: once installed, the native provider stays for the life of the
 * JVM, and {@code jdk} does not remove one a host application installed (it says so in the log).
 * Thread-safe.
 */
public final class CryptoProviders {

    private static final Logger LOG = LoggerFactory.getLogger(CryptoProviders.class);

    /** The signature every signing provider has; its first provider is the one that signs ES256. */
    private static final String PROBE = "Signature.SHA256withECDSA";

    private final NativeProviderSource nativeSource;

    /** With Amazon Corretto Crypto Provider as the native provider. */
    public CryptoProviders() {
        this(Accp::load);
    }

    /** @param nativeSource loads the native provider, or says why it cannot be used here */
    CryptoProviders(NativeProviderSource nativeSource) {
        this.nativeSource = Objects.requireNonNull(nativeSource, "nativeSource");
    }

    /**
     * Installs the provider {@code settings} ask for and logs, once, which provider signs:
     * {@code auto} the native one when it can be used, else the JDK's; {@code jdk} never loads the
     * native one; {@code native} the native one, or no start.
     *
     * @return the provider that signs from now on
     * @throws ConfigurationException naming {@code settings.key()} when {@code native} is asked for
     *                                and the native provider cannot be used here
     */
    public ProviderChoice install(CryptoSettings settings) {
        Objects.requireNonNull(settings, "settings");
        synchronized (CryptoProviders.class) {
            return switch (settings.provider()) {
                case JDK -> jdk("crypto.provider=jdk");
                case NATIVE -> installFirst(require(settings));
                case AUTO -> {
                    try {
                        yield installFirst(nativeSource.load());
                    } catch (NativeProviderUnavailableException e) {
                        LOG.debug("native crypto provider unavailable", e);
                        yield jdk("ACCP unavailable: " + e.getMessage());
                    }
                }
            };
        }
    }

    /**
     * Checks, installing nothing, that {@code settings} can be honoured here ({@code config check}):
     * {@code native} needs the native provider to load and pass its health check.
     *
     * @throws ConfigurationException naming {@code settings.key()} when it cannot
     */
    public void check(CryptoSettings settings) {
        if (settings.provider() == CryptoProviderMode.NATIVE) {
            require(settings);
        }
    }

    private NativeProvider require(CryptoSettings settings) {
        try {
            return nativeSource.load();
        } catch (NativeProviderUnavailableException e) {
            throw new ConfigurationException(settings.key(), "is native, but the native crypto provider (ACCP) "
                    + "cannot be used on this platform: " + e.getMessage() + "; use auto or jdk");
        }
    }

    private static ProviderChoice installFirst(NativeProvider loaded) {
        Provider provider = loaded.provider();
        Provider[] installed = Security.getProviders();
        if (installed.length == 0 || !installed[0].getName().equals(provider.getName())) {
            // Moved to the front if a host application had installed it further down.
            Security.removeProvider(provider.getName());
            Security.insertProviderAt(provider, 1);
        }
        LOG.info("crypto provider: {} (native)", loaded.label());
        return new ProviderChoice(loaded.label(), false);
    }

    private static ProviderChoice jdk(String reason) {
        Optional<Provider> signing = firstSigningProvider();
        if (signing.isEmpty() || isJdk(signing.get())) {
            LOG.info("crypto provider: JDK ({})", reason);
            return new ProviderChoice("JDK", true);
        }
        // Installed by the host application before the server started: left where it is.
        LOG.warn("crypto provider: {} ({}, but the host application installed this provider first)",
                signing.get().getName(), reason);
        return new ProviderChoice(signing.get().getName(), false);
    }

    /** The provider that signs ES256 now: the first that has the signature. */
    static Optional<Provider> firstSigningProvider() {
        Provider[] providers = Security.getProviders(PROBE);
        return providers == null ? Optional.empty() : Optional.of(providers[0]);
    }

    /** The JDK's own providers come from the boot or platform class loader, never the application's. */
    static boolean isJdk(Provider provider) {
        ClassLoader loader = provider.getClass().getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }
}
