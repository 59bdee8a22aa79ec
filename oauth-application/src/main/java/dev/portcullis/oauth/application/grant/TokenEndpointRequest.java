package dev.portcullis.oauth.application.grant;

import dev.portcullis.oauth.application.client.ClientCredentials;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to the token endpoint as the inbound adapter parsed it: every form parameter exactly
 * once (the adapter refused repeats), and the client credentials it found, if any.
 *
 * @param parameters  the form parameters, credentials included
 * @param credentials what the client presented; empty when it presented nothing
 */
public record TokenEndpointRequest(Map<String, String> parameters, Optional<ClientCredentials> credentials) {

    public TokenEndpointRequest {
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(credentials, "credentials");
    }
}
