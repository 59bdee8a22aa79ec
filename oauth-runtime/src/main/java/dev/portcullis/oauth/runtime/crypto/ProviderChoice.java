package dev.portcullis.oauth.runtime.crypto;

import java.util.Objects;

/**
 * The JCA provider that signs, as chosen at start.
 *
 * @param name   {@code JDK}, the native provider's label (e.g. {@code ACCP 2.5.0}), or the name of a
 *               provider the host application had installed first
 * @param jdk  whether the JDK's own providers sign
 */
public record ProviderChoice(String name, boolean jdk) {

    public ProviderChoice {
        Objects.requireNonNull(name, "name");
    }
}
