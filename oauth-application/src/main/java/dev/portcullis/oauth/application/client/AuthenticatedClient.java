package dev.portcullis.oauth.application.client;

import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import java.util.Objects;

/**
 * A client whose credentials were checked for this request.
 *
 * @param registration the client as registered
 * @param method       how it authenticated ({@code none} for a public client)
 */
public record AuthenticatedClient(Client registration, ClientAuthenticationMethod method) {

    public AuthenticatedClient {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(method, "method");
    }
}
