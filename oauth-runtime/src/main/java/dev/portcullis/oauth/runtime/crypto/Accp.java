package dev.portcullis.oauth.runtime.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads Amazon Corretto Crypto Provider (ACCP, over AWS-LC) and runs its health check. Its jar
 * carries the native library for one platform (linux-x86_64); elsewhere, or when the library cannot
 * be extracted or loaded, ACCP reports a loading error instead of failing, and the server falls back
 * to the JDK. Stateless.
 */
final class Accp {

    private static final Logger LOG = LoggerFactory.getLogger(Accp.class);

    private Accp() {
    }

    /**
     * ACCP, loaded and healthy (its self tests passed).
     *
     * @throws NativeProviderUnavailableException when it is not on the class path, has no native
     *                                            library for this platform, or fails its self tests
     */
    static NativeProvider load() {
        AmazonCorrettoCryptoProvider accp;
        try {
            accp = AmazonCorrettoCryptoProvider.INSTANCE;
        } catch (LinkageError e) {
            // Left out of the class path by an embedder, or its class failed to initialise.
            throw new NativeProviderUnavailableException("cannot be loaded: " + describe(e), e);
        }
        Throwable loadingError = accp.getLoadingError();
        if (loadingError != null) {
            throw new NativeProviderUnavailableException(describe(loadingError), loadingError);
        }
        try {
            accp.assertHealthy();
        } catch (RuntimeException e) {
            throw new NativeProviderUnavailableException("failed its self tests: " + describe(e), e);
        }
        LOG.debug("ACCP {} over {} passed its self tests", accp.getVersionStr(), accp.getAwsLcVersionStr());
        return new NativeProvider(accp, "ACCP " + accp.getVersionStr());
    }

    private static String describe(Throwable error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
