package dev.portcullis.oauth.application.key;

import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import java.time.Instant;
import java.util.Objects;

/**
 * What a manual rotation did.
 *
 * @param algorithm the algorithm rotated
 * @param status    what happened
 * @param nextKey   the key that signs, or will sign, after the rotation
 * @param signsFrom when {@code nextKey} signs (or started to)
 */
public record RotationOutcome(SigningAlgorithm algorithm, Status status, KeyId nextKey, Instant signsFrom) {

    /** What a rotation request did. */
    public enum Status {
        /** A next key published long enough became the current key now. */
        ROTATED,
        /**
         * A next key is published and becomes current at {@code signsFrom}, once verifiers caching
         * JWKS have had time to learn it; the scheduled job switches to it then.
         */
        SCHEDULED
    }

    public RotationOutcome {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextKey, "nextKey");
        Objects.requireNonNull(signsFrom, "signsFrom");
    }
}
