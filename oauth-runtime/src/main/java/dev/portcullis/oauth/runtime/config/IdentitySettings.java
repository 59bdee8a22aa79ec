package dev.portcullis.oauth.runtime.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where users are checked: the embedded list of users, or an external identity service over HTTP.
 *
 * @param users         users of the embedded backend (empty when the http backend is used)
 * @param httpUrl       base URL of the external identity service; empty for the embedded backend
 * @param authorization the {@code Authorization} header value sent to the identity service; never logged
 * @param timeout       how long one call to the identity service may take
 */
public record IdentitySettings(List<UserEntry> users, Optional<URI> httpUrl, Optional<String> authorization,
                               Duration timeout) {

    public IdentitySettings {
        users = List.copyOf(users);
        Objects.requireNonNull(httpUrl, "httpUrl");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** No users, embedded backend. */
    public static IdentitySettings none() {
        return new IdentitySettings(List.of(), Optional.empty(), Optional.empty(), Duration.ofSeconds(2));
    }

    @Override
    public String toString() {
        return "IdentitySettings[users=" + users.size() + ", httpUrl=" + httpUrl.map(URI::toString).orElse("") + "]";
    }
}
