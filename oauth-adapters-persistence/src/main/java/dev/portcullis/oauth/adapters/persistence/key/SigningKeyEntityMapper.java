package dev.portcullis.oauth.adapters.persistence.key;

import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Converts between {@link SigningKey} and {@link SigningKeyEntity}. Stateless. */
final class SigningKeyEntityMapper {

    private SigningKeyEntityMapper() {
    }

    /**
     * The key a row holds.
     *
     * @throws IllegalStateException when the row names an unknown algorithm or state
     */
    static SigningKey toDomain(SigningKeyEntity entity) {
        SigningAlgorithm algorithm = SigningAlgorithm.fromJwsName(entity.algorithm)
                .orElseThrow(() -> new IllegalStateException("stored signing key " + entity.kid + " has an unknown alg"));
        return new SigningKey(new KeyId(entity.kid), algorithm, state(entity), entity.publicJwk,
                entity.encryptedPrivateKey, entity.createdAt, Optional.ofNullable(entity.activatedAt),
                Optional.ofNullable(entity.retiredAt));
    }

    /** A new row for {@code key}; the creation time is kept to the microsecond, as both databases store it. */
    static SigningKeyEntity toEntity(SigningKey key) {
        SigningKeyEntity entity = new SigningKeyEntity(key.id().value());
        entity.algorithm = key.algorithm().jwsName();
        entity.state = key.state().name();
        entity.publicJwk = key.publicJwk();
        entity.encryptedPrivateKey = key.encryptedPrivateKey();
        entity.createdAt = key.createdAt().truncatedTo(ChronoUnit.MICROS);
        entity.activatedAt = key.activatedAt().map(SigningKeyEntityMapper::micros).orElse(null);
        entity.retiredAt = key.retiredAt().map(SigningKeyEntityMapper::micros).orElse(null);
        entity.slot = slot(key.state(), key.algorithm());
        return entity;
    }

    /** The unique slot of a next or current key of {@code algorithm}; null for a retired key. */
    static String slot(KeyState state, SigningAlgorithm algorithm) {
        return state == KeyState.RETIRED ? null : state.name() + ":" + algorithm.jwsName();
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static KeyState state(SigningKeyEntity entity) {
        try {
            return KeyState.valueOf(entity.state);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored signing key " + entity.kid + " has an unknown state", e);
        }
    }
}
