package dev.portcullis.oauth.runtime.config;

import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientSecret;
import java.util.Objects;
import java.util.Optional;

/**
 * A client declared in the configuration file.
 *
 * @param client the registration; when {@code secret} is present its stored hash is a placeholder
 *               to be replaced by a real hash at start
 * @param secret the {@code client_secret} in clear, when the file gives one rather than {@code client_secret_hash}
 */
public record ClientEntry(Client client, Optional<ClientSecret> secret) {

    public ClientEntry {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(secret, "secret");
    }
}
