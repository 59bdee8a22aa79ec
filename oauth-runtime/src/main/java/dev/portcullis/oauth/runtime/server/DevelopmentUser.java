package dev.portcullis.oauth.runtime.server;

import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.Username;
import java.util.Map;
import java.util.Objects;

/**
 * The ready-to-use user of a development instance, {@code dev-user}, whose password is kept under
 * the data directory so that it stays the same across restarts.
 *
 * @param username the login name
 * @param password the password in clear, printed once at start of a development instance
 * @param subject  its {@code sub}
 * @param claims   its claims
 */
public record DevelopmentUser(Username username, Password password, Subject subject, Map<String, Object> claims) {

    static final Username USERNAME = new Username("dev-user");

    public DevelopmentUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(subject, "subject");
        claims = Map.copyOf(claims);
    }

    static DevelopmentUser withPassword(Password password) {
        return new DevelopmentUser(USERNAME, password, new Subject("dev-user"),
                Map.of("name", "Development User", "email", "dev-user@localhost", "email_verified", true));
    }
}
