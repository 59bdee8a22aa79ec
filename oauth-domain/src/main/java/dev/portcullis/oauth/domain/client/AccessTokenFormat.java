package dev.portcullis.oauth.domain.client;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a client's access tokens are minted (our client metadata {@code access_token_format}).
 */
public enum AccessTokenFormat {
    /** An RFC 9068 JWT, verified from JWKS, not stored; the default. */
    JWT("jwt"),
    /**
     * An opaque reference token: 256 random bits, stored as a SHA-256 hash, meaningful only through
     * introspection (RFC 7662) and the UserInfo endpoint.
     */
    OPAQUE("opaque");

    private final String value;

    AccessTokenFormat(String value) {
        this.value = value;
    }

    /** The metadata value, e.g. {@code jwt}. */
    public String value() {
        return value;
    }

    /** The format named {@code value} (exact, lower case), or empty if none is. */
    public static Optional<AccessTokenFormat> fromValue(String value) {
        return Arrays.stream(values()).filter(f -> f.value.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
