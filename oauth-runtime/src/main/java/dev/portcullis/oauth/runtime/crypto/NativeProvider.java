package dev.portcullis.oauth.runtime.crypto;

import java.security.Provider;
import java.util.Objects;

/**
 * A native JCA provider that loaded and passed its self tests.
 *
 * @param provider the provider, not yet installed
 * @param label    how the start log names it, e.g. {@code ACCP 2.5.0}
 */
record NativeProvider(Provider provider, String label) {

    NativeProvider {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(label, "label");
    }
}
