package dev.portcullis.oauth.runtime.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A user of the embedded identity backend, declared in the configuration file's {@code users} list.
 *
 * @param username     the login name
 * @param password     the password in clear (hashed at start), or empty when {@code passwordHash} is given
 * @param passwordHash a {@code $pbkdf2-sha256$…} hash, or empty when {@code password} is given
 * @param subject      the {@code sub}; empty for a stable id derived from the username
 * @param claims       OIDC standard claims such as {@code name}, {@code email}, {@code email_verified}
 */
public record UserEntry(String username, Optional<String> password, Optional<String> passwordHash,
                        Optional<String> subject, Map<String, Object> claims) {

    public UserEntry {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(subject, "subject");
        claims = Map.copyOf(claims);
        if (password.isPresent() == passwordHash.isPresent()) {
            throw new IllegalArgumentException("exactly one of password and password_hash");
        }
    }

    @Override
    public String toString() {
        return "UserEntry[username=" + username + ", subject=" + subject.orElse("(derived)") + "]";
    }
}
