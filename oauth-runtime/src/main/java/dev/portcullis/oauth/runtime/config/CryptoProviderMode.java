package dev.portcullis.oauth.runtime.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which JCA provider the server signs with ({@code crypto.provider}). */
public enum CryptoProviderMode {
    /** The native provider (ACCP) when it loads and passes its self tests here, else the JDK's: the default. */
    AUTO,
    /** The JDK's providers only: the native provider is never loaded. */
    JDK,
    /** The native provider, or no start: a configuration error when it cannot be used here. */
    NATIVE;

    /** The value as written in the configuration: {@code auto}, {@code jdk} or {@code native}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode written {@code value}, in any case; empty when there is none. */
    public static Optional<CryptoProviderMode> fromValue(String value) {
        return Arrays.stream(values()).filter(mode -> mode.value().equals(value.toLowerCase(Locale.ROOT))).findFirst();
    }
}
