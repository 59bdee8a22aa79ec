package dev.portcullis.oauth.runtime.server;

import dev.portcullis.oauth.adapters.rest.identity.HttpIdentityBackend;
import dev.portcullis.oauth.adapters.rest.identity.HttpIdentityBackendSettings;
import dev.portcullis.oauth.application.identity.EmbeddedIdentityBackend;
import dev.portcullis.oauth.application.identity.EmbeddedUser;
import dev.portcullis.oauth.application.identity.PasswordHash;
import dev.portcullis.oauth.application.identity.PasswordHasher;
import dev.portcullis.oauth.domain.port.IdentityBackend;
import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.Username;
import dev.portcullis.oauth.runtime.config.ConfigurationException;
import dev.portcullis.oauth.runtime.config.IdentitySettings;
import dev.portcullis.oauth.runtime.config.UserEntry;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the configured Identity Backend: the external identity service when {@code identity.url}
 * is set, otherwise the embedded users (plus the development user of a development instance).
 */
final class IdentityBackends {

    private IdentityBackends() {
    }

    static IdentityBackend create(IdentitySettings settings, Optional<DevelopmentUser> developmentUser,
                                  SecureRandom random, Clock clock) {
        if (settings.httpUrl().isPresent()) {
            URI url = settings.httpUrl().get();
            HttpIdentityBackendSettings.Builder http = HttpIdentityBackendSettings.builder(url).timeout(settings.timeout());
            settings.authorization().ifPresent(http::authorization);
            return new HttpIdentityBackend(http.build(), clock);
        }
        PasswordHasher hasher = PasswordHasher.withDefaults(random);
        List<EmbeddedUser> users = new ArrayList<>();
        // Hashing a clear password takes a few hundred milliseconds by design: do the users side by side.
        settings.users().parallelStream().map(entry -> user(entry, hasher)).forEachOrdered(users::add);
        developmentUser.ifPresent(dev -> users.add(EmbeddedUser.withPassword(dev.username(), dev.password(), hasher)
                .withSubject(dev.subject()).withClaims(dev.claims())));
        try {
            return new EmbeddedIdentityBackend(users, hasher);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("users", e.getMessage());
        }
    }

    private static EmbeddedUser user(UserEntry entry, PasswordHasher hasher) {
        Username username = new Username(entry.username());
        EmbeddedUser user;
        try {
            user = entry.password().isPresent()
                    ? EmbeddedUser.withPassword(username, new Password(entry.password().get()), hasher)
                    : EmbeddedUser.withPasswordHash(username, new PasswordHash(entry.passwordHash().orElseThrow()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("users (" + entry.username() + ").password_hash",
                    "must be a $pbkdf2-sha256$i=… hash");
        }
        if (entry.subject().isPresent()) {
            user = user.withSubject(new Subject(entry.subject().get()));
        }
        return user.withClaims(entry.claims());
    }
}
