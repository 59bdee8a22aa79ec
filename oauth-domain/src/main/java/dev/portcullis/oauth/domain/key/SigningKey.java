package dev.portcullis.oauth.domain.key;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signing key as stored: public half in clear, private half encrypted under the master key.
 *
 * @param id                  the {@code kid}
 * @param algorithm           the one algorithm this key signs with
 * @param state               its lifecycle state
 * @param publicJwk           the public JWK as JSON text (RFC 7517), as published in JWKS
 * @param encryptedPrivateKey the private JWK, encrypted (AES-GCM) under the master key; never logged
 * @param createdAt           when the key was made
 */
public record SigningKey(KeyId id, SigningAlgorithm algorithm, KeyState state, String publicJwk,
                         byte[] encryptedPrivateKey, Instant createdAt) {

    public SigningKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(publicJwk, "publicJwk");
        Objects.requireNonNull(encryptedPrivateKey, "encryptedPrivateKey");
        Objects.requireNonNull(createdAt, "createdAt");
        encryptedPrivateKey = encryptedPrivateKey.clone();
    }

    /** A copy of the encrypted private key. */
    @Override
    public byte[] encryptedPrivateKey() {
        return encryptedPrivateKey.clone();
    }

    /** A copy in another state. */
    public SigningKey withState(KeyState newState) {
        return new SigningKey(id, algorithm, newState, publicJwk, encryptedPrivateKey, createdAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey that && id.equals(that.id) && algorithm == that.algorithm
                && state == that.state && publicJwk.equals(that.publicJwk)
                && Arrays.equals(encryptedPrivateKey, that.encryptedPrivateKey) && createdAt.equals(that.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, algorithm, state, publicJwk, Arrays.hashCode(encryptedPrivateKey), createdAt);
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + id + ", alg=" + algorithm.jwsName() + ", state=" + state + ", createdAt=" + createdAt + "]";
    }
}
