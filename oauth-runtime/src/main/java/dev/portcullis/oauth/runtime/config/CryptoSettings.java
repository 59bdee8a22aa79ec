package dev.portcullis.oauth.runtime.config;

import java.util.Objects;

/**
 * Which JCA provider signs.
 *
 * @param provider the mode
 * @param key      where the mode came from, as the operator wrote it ({@code PORTCULLIS_CRYPTO_PROVIDER}
 *                 or {@code crypto.provider}), for an error found only at start: {@code native} on a
 *                 platform without the native provider
 */
public record CryptoSettings(CryptoProviderMode provider, String key) {

    /** {@code auto}, the default. */
    public static final CryptoSettings DEFAULTS = new CryptoSettings(CryptoProviderMode.AUTO, "PORTCULLIS_CRYPTO_PROVIDER");

    public CryptoSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(key, "key");
    }
}
