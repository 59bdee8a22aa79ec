package dev.portcullis.oauth.application.key;

import java.time.Duration;
import java.util.Objects;

/**
 * When signing keys move through next → current → retired → removed (DESIGN.md, "Keys").
 *
 * <ul>
 *   <li>A current key signs for {@code rotationPeriod}; {@code publicationLead} before that ends, a
 *       next key is made and published in JWKS.</li>
 *   <li>A next key signs no sooner than {@code publicationLead} after it was published, so every
 *       verifier that caches JWKS (for at most its {@code max-age}) and every instance that reloads
 *       its keys (every refresh interval) has it before its first token.</li>
 *   <li>A retired key stays published until the longest token lifetime of any client plus
 *       {@code retentionMargin} (clock skew, and an instance still signing with it until its next
 *       refresh) has passed since it was retired, so that every token it signed has expired.</li>
 * </ul>
 *
 * @param rotationPeriod  how long a key is the current one; longer than {@code publicationLead}
 * @param publicationLead how long a next key is published before it signs; positive
 * @param retentionMargin added to the longest token lifetime before a retired key is removed; not negative
 */
public record KeyRotationPolicy(Duration rotationPeriod, Duration publicationLead, Duration retentionMargin) {

    /** 30 days of signing, published 1 hour ahead, kept 10 minutes beyond the longest token lifetime. */
    public static final KeyRotationPolicy DEFAULTS =
            new KeyRotationPolicy(Duration.ofDays(30), Duration.ofHours(1), Duration.ofMinutes(10));

    public KeyRotationPolicy {
        Objects.requireNonNull(rotationPeriod, "rotationPeriod");
        Objects.requireNonNull(publicationLead, "publicationLead");
        Objects.requireNonNull(retentionMargin, "retentionMargin");
        if (publicationLead.isNegative() || publicationLead.isZero()) {
            throw new IllegalArgumentException("publicationLead must be positive");
        }
        if (rotationPeriod.compareTo(publicationLead) <= 0) {
            throw new IllegalArgumentException("rotationPeriod must be longer than publicationLead");
        }
        if (retentionMargin.isNegative()) {
            throw new IllegalArgumentException("retentionMargin must not be negative");
        }
    }
}
