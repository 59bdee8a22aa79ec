package dev.portcullis.oauth.application.client;

import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.HashedSecret;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.SecretHasher;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves and authenticates the client of a token request (RFC 6749 §2.3, §3.2.1).
 * Thread-safe.
 *
 * <p>Every refusal is the same {@code invalid_client} error, so that the response does not tell an
 * unknown client from a wrong secret or a wrong method; the reason goes to the debug log only. An
 * unknown {@code client_id} is refused without the slow hash, so timing can tell it apart: client
 * identifiers are not secrets (RFC 6749 §2.2), and hashing for unknown ids would let anyone burn CPU.
 *
 * <p>JWT assertions ({@code private_key_jwt}, {@code client_secret_jwt}, RFC 7523 §2.2, OIDC Core §9)
 * are checked by a {@link ClientAssertionVerifier}; without one they are refused.
 */
public final class ClientAuthenticator {

    private static final OAuthError INVALID_CLIENT =
            new OAuthError(StandardErrorCode.INVALID_CLIENT, "Client authentication failed.");

    private final ClientRepository clients;
    private final SecretHasher hasher;
    private final SecretVerificationCache verified;
    private final Optional<ClientAssertionVerifier> assertions;

    /**
     * An authenticator that refuses JWT assertions.
     *
     * @param clients  where registrations are looked up
     * @param hasher   the slow hash of stored secrets
     * @param verified remembers recent successful verifications so the slow hash runs once per secret
     */
    public ClientAuthenticator(ClientRepository clients, SecretHasher hasher, SecretVerificationCache verified) {
        this(clients, hasher, verified, Optional.empty());
    }

    /**
     * @param assertions checks JWT assertions; empty to refuse them
     */
    public ClientAuthenticator(ClientRepository clients, SecretHasher hasher, SecretVerificationCache verified,
                               Optional<ClientAssertionVerifier> assertions) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.verified = Objects.requireNonNull(verified, "verified");
        this.assertions = Objects.requireNonNull(assertions, "assertions");
    }

    /**
     * Authenticates {@code credentials}.
     *
     * @return the client, authenticated with the method it is registered for
     * @throws OAuthException {@code invalid_client} for an unknown client, a method other than the
     *                        registered one, a wrong secret, or an assertion that does not hold
     */
    public AuthenticatedClient authenticate(ClientCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        Client client = clients.findById(credentials.clientId())
                .orElseThrow(() -> refused("unknown client_id " + credentials.clientId()));
        // OAuth 2.1 §2.4 and RFC 7591 §2: a client uses only the method it is registered for.
        if (client.authenticationMethod() != credentials.method()) {
            throw refused("client " + client.id() + " is registered for " + client.authenticationMethod()
                    + " but used " + credentials.method());
        }
        if (credentials instanceof ClientCredentials.SecretBasic basic) {
            checkSecret(client, basic.secret());
        } else if (credentials instanceof ClientCredentials.SecretPost post) {
            checkSecret(client, post.secret());
        } else if (credentials instanceof ClientCredentials.JwtAssertion jwt) {
            assertions.orElseThrow(() -> refused("JWT client assertions are not served by this authenticator"))
                    .verify(client, jwt.assertion());
        }
        return new AuthenticatedClient(client, credentials.method());
    }

    private void checkSecret(Client client, ClientSecret presented) {
        HashedSecret stored = client.secret()
                .orElseThrow(() -> refused("client " + client.id() + " has no secret"));
        if (!verified.verify(client.id(), stored, presented, () -> hasher.matches(presented, stored))) {
            throw refused("wrong client_secret for client " + client.id());
        }
    }

    private static OAuthException refused(String detail) {
        return new OAuthException(INVALID_CLIENT, detail);
    }
}
