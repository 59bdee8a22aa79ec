package dev.portcullis.oauth.application.admin;

import dev.portcullis.oauth.application.client.AuthenticatedClient;
import dev.portcullis.oauth.application.client.ClientAuthenticator;
import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.scope.Scope;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call the admin API: a confidential client that authenticates with its own credentials,
 * exactly as at the token endpoint, and whose registered scope includes {@link #ADMIN_SCOPE}.
 * Thread-safe.
 */
public final class AdminAccess {

    /** The scope a client must be registered with to use the admin API. */
    public static final Scope ADMIN_SCOPE = new Scope("admin");

    /** The client is known and authenticated but not registered with {@link #ADMIN_SCOPE}. */
    public static final OAuthError NOT_ADMIN = new OAuthError(StandardErrorCode.INSUFFICIENT_SCOPE,
            "The client may not use the admin API: its registered scope lacks admin.");

    private static final Logger LOG = LoggerFactory.getLogger(AdminAccess.class);

    private final ClientAuthenticator authenticator;

    public AdminAccess(ClientAuthenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    /**
     * The admin client that {@code credentials} authenticate.
     *
     * @throws OAuthException {@code invalid_client} when the credentials are wrong or name a public
     *         client; {@code insufficient_scope} ({@link #NOT_ADMIN}) when the client is no admin
     */
    public ClientId authorize(ClientCredentials credentials) {
        AuthenticatedClient client = authenticator.authenticate(credentials);
        if (!client.registration().isConfidential()) {
            throw OAuthException.of(StandardErrorCode.INVALID_CLIENT, "Client authentication failed.");
        }
        if (!client.registration().scopes().contains(ADMIN_SCOPE)) {
            LOG.warn("admin API refused: client_id={} is not registered with the admin scope", client.registration().id());
            throw new OAuthException(NOT_ADMIN, "client " + client.registration().id() + " lacks the admin scope");
        }
        return client.registration().id();
    }
}
