package dev.portcullis.oauth.runtime.config;

import dev.portcullis.oauth.application.key.KeyRotationPolicy;
import dev.portcullis.oauth.application.key.MasterKey;
import java.util.Objects;
import java.util.Optional;

/**
 * Signing key settings.
 *
 * @param rotation          when keys rotate
 * @param previousMasterKey the master key in use before {@code PORTCULLIS_MASTER_KEY}, during a
 *                          master key rotation: keys still under it are re-encrypted at start
 */
public record KeySettings(KeyRotationPolicy rotation, Optional<MasterKey> previousMasterKey) {

    public KeySettings {
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(previousMasterKey, "previousMasterKey");
    }

    /** The default schedule, no previous master key. */
    public static KeySettings defaults() {
        return new KeySettings(KeyRotationPolicy.DEFAULTS, Optional.empty());
    }
}
