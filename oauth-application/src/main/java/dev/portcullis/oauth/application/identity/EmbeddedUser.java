package dev.portcullis.oauth.application.identity;

import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.Username;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * A user of the {@link EmbeddedIdentityBackend}. Built with {@link #withPassword} (a password in
 * clear from configuration, hashed here) or {@link #withPasswordHash} (an existing hash); both give
 * the {@linkplain #defaultSubject default subject} and no claims, changed with {@link #withSubject}
 * and {@link #withClaims}.
 *
 * @param username     the login name, compared exactly (case-sensitive)
 * @param passwordHash the password as stored; {@link #toString()} leaves it out
 * @param subject      the {@code sub} (OIDC Core §2)
 * @param claims       OIDC claims such as {@code name}, {@code email}, {@code email_verified}
 *                     (String, Boolean, Number, List or Map values); never {@code sub}
 */
public record EmbeddedUser(Username username, PasswordHash passwordHash, Subject subject, Map<String, Object> claims) {

    private static final String SUBJECT_PREFIX = "portcullis-user:";
    private static final int SUBJECT_LENGTH = 22;

    public EmbeddedUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(subject, "subject");
        claims = Map.copyOf(claims);
        if (claims.containsKey("sub")) {
            throw new IllegalArgumentException("sub is the subject, not one of the claims");
        }
    }

    /** A user whose clear {@code password} is hashed now with {@code hasher} (slow: one PBKDF2 run). */
    public static EmbeddedUser withPassword(Username username, Password password, PasswordHasher hasher) {
        Objects.requireNonNull(hasher, "hasher");
        return withPasswordHash(username, hasher.hash(password));
    }

    /** A user whose password is already hashed, as in a {@code password_hash} configuration entry. */
    public static EmbeddedUser withPasswordHash(Username username, PasswordHash passwordHash) {
        return new EmbeddedUser(username, passwordHash, defaultSubject(username), Map.of());
    }

    /** This user with an explicit subject instead of the default one. */
    public EmbeddedUser withSubject(Subject newSubject) {
        return new EmbeddedUser(username, passwordHash, newSubject, claims);
    }

    /** This user with {@code newClaims} instead of its claims; {@code sub} is refused. */
    public EmbeddedUser withClaims(Map<String, Object> newClaims) {
        return new EmbeddedUser(username, passwordHash, subject, newClaims);
    }

    /**
     * The subject given to a user who is configured without one: the first 22 characters (132 bits)
     * of base64url(SHA-256("portcullis-user:" + username)), without padding, over the UTF-8 bytes.
     * It depends on nothing but the username, so it is the same across restarts and on every
     * instance; renaming a user changes it, so set {@code sub} explicitly when usernames may change.
     */
    public static Subject defaultSubject(Username username) {
        Objects.requireNonNull(username, "username");
        byte[] digest = sha256((SUBJECT_PREFIX + username.value()).getBytes(StandardCharsets.UTF_8));
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        return new Subject(encoded.substring(0, SUBJECT_LENGTH));
    }

    @Override
    public String toString() {
        return "EmbeddedUser[username=" + username + ", subject=" + subject + "]";
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
