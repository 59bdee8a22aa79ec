package dev.portcullis.oauth.domain.user;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Identity Backend knows of a user: the subject and its claims (OIDC Core §5.1 names such
 * as {@code name}, {@code email}, {@code email_verified}).
 *
 * @param subject the user
 * @param claims  claim values: String, Boolean, Number, List or Map; {@code sub} is not among them
 */
public record UserClaims(Subject subject, Map<String, Object> claims) {

    public UserClaims {
        Objects.requireNonNull(subject, "subject");
        claims = Map.copyOf(claims);
        if (claims.containsKey("sub")) {
            throw new IllegalArgumentException("sub is the subject, not one of the claims");
        }
    }

    /** The claim {@code name} as text; empty when absent or not a string. */
    public Optional<String> text(String name) {
        return claims.get(name) instanceof String text ? Optional.of(text) : Optional.empty();
    }
}
