package dev.portcullis.oauth.runtime.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The database connection.
 *
 * @param url      the JDBC URL (PostgreSQL or H2)
 * @param user     the user; empty for none
 * @param password the password; empty for none; never logged
 * @param poolSize the most connections the pool opens
 */
public record DatabaseSettings(String url, Optional<String> user, Optional<String> password, int poolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user.orElse("") + ", poolSize=" + poolSize + "]";
    }
}
