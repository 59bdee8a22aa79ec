package dev.portcullis.oauth.domain.key;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A signing key as stored: public half in clear, private half encrypted under the master key, and
 * the times of its lifecycle (DESIGN.md, "Keys"): published at {@code createdAt} (as
 * {@link KeyState#NEXT}, or straight as {@link KeyState#CURRENT} when a server has no key yet),
 * signing from {@code activatedAt}, retired at {@code retiredAt}.
 *
 * @param id                  the {@code kid}
 * @param algorithm           the one algorithm this key signs with
 * @param state               its lifecycle state
 * @param publicJwk           the public JWK as JSON text (RFC 7517), as published in JWKS
 * @param encryptedPrivateKey the private JWK, encrypted (AES-GCM) under the master key; never logged
 * @param createdAt           when the key was made (or imported) and first published
 * @param activatedAt         when it became the current key of its algorithm; empty while it never signed
 * @param retiredAt           when it stopped signing; empty unless retired
 */
public record SigningKey(KeyId id, SigningAlgorithm algorithm, KeyState state, String publicJwk,
                         byte[] encryptedPrivateKey, Instant createdAt, Optional<Instant> activatedAt,
                         Optional<Instant> retiredAt) {

    public SigningKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(publicJwk, "publicJwk");
        Objects.requireNonNull(encryptedPrivateKey, "encryptedPrivateKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(activatedAt, "activatedAt");
        Objects.requireNonNull(retiredAt, "retiredAt");
        encryptedPrivateKey = encryptedPrivateKey.clone();
    }

    /** A key with no recorded activation or retirement time. */
    public SigningKey(KeyId id, SigningAlgorithm algorithm, KeyState state, String publicJwk,
                      byte[] encryptedPrivateKey, Instant createdAt) {
        this(id, algorithm, state, publicJwk, encryptedPrivateKey, createdAt, Optional.empty(), Optional.empty());
    }

    /** A copy of the encrypted private key. */
    @Override
    public byte[] encryptedPrivateKey() {
        return encryptedPrivateKey.clone();
    }

    /** A copy in another state, with the same times. */
    public SigningKey withState(KeyState newState) {
        return new SigningKey(id, algorithm, newState, publicJwk, encryptedPrivateKey, createdAt, activatedAt, retiredAt);
    }

    /** A copy that became current at {@code at}. */
    public SigningKey activated(Instant at) {
        return new SigningKey(id, algorithm, KeyState.CURRENT, publicJwk, encryptedPrivateKey, createdAt,
                Optional.of(at), Optional.empty());
    }

    /** A copy that stopped signing at {@code at}. */
    public SigningKey retired(Instant at) {
        return new SigningKey(id, algorithm, KeyState.RETIRED, publicJwk, encryptedPrivateKey, createdAt,
                activatedAt, Optional.of(at));
    }

    /** A copy whose private key is {@code encrypted} instead (after a master key rotation). */
    public SigningKey withEncryptedPrivateKey(byte[] encrypted) {
        return new SigningKey(id, algorithm, state, publicJwk, encrypted, createdAt, activatedAt, retiredAt);
    }

    /** When the key started signing: its activation time, or its creation time when none was recorded. */
    public Instant signingSince() {
        return activatedAt.orElse(createdAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey that && id.equals(that.id) && algorithm == that.algorithm
                && state == that.state && publicJwk.equals(that.publicJwk)
                && Arrays.equals(encryptedPrivateKey, that.encryptedPrivateKey) && createdAt.equals(that.createdAt)
                && activatedAt.equals(that.activatedAt) && retiredAt.equals(that.retiredAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, algorithm, state, publicJwk, Arrays.hashCode(encryptedPrivateKey), createdAt,
                activatedAt, retiredAt);
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + id + ", alg=" + algorithm.jwsName() + ", state=" + state + ", createdAt=" + createdAt
                + ", activatedAt=" + activatedAt.map(Instant::toString).orElse("-")
                + ", retiredAt=" + retiredAt.map(Instant::toString).orElse("-") + "]";
    }
}
