package dev.portcullis.oauth.application.admin;

import dev.portcullis.oauth.application.token.GrantRevocation;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.OpaqueAccessTokenRepository;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.user.Subject;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Revokes every token of a user (at one client or all) or of a client: each live grant through
 * {@link GrantRevocation} (its refresh token family, its opaque access tokens, and its JWT access
 * tokens through the grant's deny-list entry), then the opaque access tokens that belong to no grant
 * (client_credentials). JWT access tokens of the {@code client_credentials} grant carry no grant,
 * are not stored, and run until they expire. Thread-safe.
 */
public final class RevokeTokens {

    private final RefreshTokenRepository refreshTokens;
    private final Optional<OpaqueAccessTokenRepository> opaqueTokens;
    private final GrantRevocation grants;
    private final ClientRepository clients;
    private final TokenLifetimes defaults;

    /**
     * @param refreshTokens where the live grants are found and their families revoked
     * @param opaqueTokens  where opaque access tokens are revoked, when the server stores any
     * @param grants        revokes a grant and everything it produced
     * @param clients       the clients, for the lifetime of their access tokens
     * @param defaults      the lifetimes used for a grant whose client is gone
     */
    public RevokeTokens(RefreshTokenRepository refreshTokens, Optional<OpaqueAccessTokenRepository> opaqueTokens,
                        GrantRevocation grants, ClientRepository clients, TokenLifetimes defaults) {
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.opaqueTokens = Objects.requireNonNull(opaqueTokens, "opaqueTokens");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
    }

    /**
     * What one revocation reached.
     *
     * @param grants             grants revoked with their refresh tokens and access tokens
     * @param opaqueAccessTokens opaque access tokens revoked beyond those of the grants
     */
    public record Revoked(int grants, int opaqueAccessTokens) {
    }

    /** Every token of {@code subject}, only at {@code clientId} when it is present. */
    public Revoked ofUser(Subject subject, Optional<ClientId> clientId) {
        Objects.requireNonNull(subject, "subject");
        int revoked = revokeGrants(refreshTokens.liveGrants(Optional.of(subject), clientId));
        refreshTokens.revokeSubject(subject, clientId);
        int opaque = opaqueTokens.map(tokens -> tokens.revokeMatching(Optional.of(subject.value()), clientId)).orElse(0);
        return new Revoked(revoked, opaque);
    }

    /** Every token issued to {@code clientId}, for any user or for the client itself. */
    public Revoked ofClient(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        int revoked = revokeGrants(refreshTokens.liveGrants(Optional.empty(), Optional.of(clientId)));
        refreshTokens.revokeClient(clientId);
        int opaque = opaqueTokens.map(tokens -> tokens.revokeMatching(Optional.empty(), Optional.of(clientId))).orElse(0);
        return new Revoked(revoked, opaque);
    }

    private int revokeGrants(Map<String, ClientId> live) {
        // The deny-list entry must outlive every access token of the grant: its client's lifetime.
        live.forEach((grantId, clientId) -> grants.revoke(grantId, clients.findById(clientId)
                .map(client -> client.lifetimes().accessToken()).orElse(defaults.accessToken())));
        return live.size();
    }
}
