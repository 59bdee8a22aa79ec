package dev.portcullis.oauth.runtime.server;

import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.HashedSecret;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.ScopeRepository;
import dev.portcullis.oauth.domain.port.SecretHasher;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The ready-to-use client of a development instance: {@code dev-client}, allowed
 * {@code client_credentials} and {@code authorization_code} (with refresh tokens) for scopes
 * {@code api:read api:write}, redirecting to {@code http://127.0.0.1/callback} on any port
 * (RFC 8252 §7.3). Its secret is kept under the data directory so that it stays the same across restarts.
 *
 * @param clientId the client id
 * @param secret   the secret in clear, printed once at start of a development instance
 * @param scope    the scopes it may ask for
 */
public record DevelopmentClient(ClientId clientId, ClientSecret secret, ScopeSet scope) {

    static final ClientId ID = new ClientId("dev-client");
    /** Loopback: any port is accepted (RFC 8252 §7.3), so any local tool can receive the code. */
    public static final URI REDIRECT_URI = URI.create("http://127.0.0.1/callback");
    private static final ScopeSet SCOPES = ScopeSet.of("api:read", "api:write");

    public DevelopmentClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(scope, "scope");
    }

    /**
     * Creates the development client and its scopes unless the configuration defined a client of
     * that id, in which case that one stays as configured.
     */
    static DevelopmentClient ensure(ClientRepository clients, ScopeRepository scopes, SecretHasher hasher,
                                    ClientSecret secret) {
        for (Scope scope : SCOPES.scopes()) {
            if (scopes.findByScope(scope).isEmpty()) {
                scopes.save(new ScopeDefinition(scope, "Development scope " + scope.value()));
            }
        }
        Optional<Client> existing = clients.findById(ID);
        HashedSecret hash = existing.flatMap(Client::secret).filter(h -> hasher.matches(secret, h))
                .orElseGet(() -> hasher.hash(secret));
        Client client = Client.builder(ID).name("Development client").secret(hash)
                .grantTypes(GrantType.CLIENT_CREDENTIALS, GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN)
                .responseTypes(Set.of("code"))
                .redirectUris(List.of(REDIRECT_URI))
                .scopes(SCOPES).build();
        if (existing.filter(client::equals).isEmpty()) {
            clients.save(client);
        }
        return new DevelopmentClient(ID, secret, SCOPES);
    }
}
