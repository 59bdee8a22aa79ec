package dev.portcullis.oauth.domain.token;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.user.ClaimsRequest;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An opaque refresh token as stored: only its hash, bound to the client and the grant it came from.
 * Each use rotates it: it is marked used and a successor of the same family is issued (RFC 9700
 * §4.14.2).
 *
 * @param tokenHash       SHA-256 of the token value, base64url ({@link TokenHash})
 * @param grantId         the grant (authorization code) it descends from, its family: revoking the
 *                        grant revokes every refresh token of the family (RFC 9700 §4.14.2)
 * @param clientId        the client it is bound to (RFC 6749 §6)
 * @param subject         the user
 * @param scope           the scope it may obtain; the same for the whole family (RFC 6749 §6)
 * @param authTime        when the user authenticated
 * @param issuedAt        when it was issued
 * @param expiresAt       when it stops working: its idle expiry, never after {@code familyExpiresAt}
 * @param familyExpiresAt when its family stops working: the family's first issue plus the client's
 *                        absolute refresh token lifetime; rotation never extends it
 * @param usedAt          when it was used (and so rotated); empty while unused
 * @param revoked         whether it was revoked
 * @param sessionId       the {@code sid} of the browser session the family was granted in, carried
 *                        into the ID tokens minted on refresh; empty without one
 * @param authenticationMethods the {@code amr} values (RFC 8176 §2) of the user's authentication
 *                        that started the family, carried into the ID tokens minted on refresh
 *                        (OIDC Core §12.2); empty when unknown
 * @param claims          the individual claims the family's authorization request asked for (OIDC
 *                        Core §5.5), released by the ID tokens and access tokens minted on refresh
 * @param resource        the resource (RFC 8707) the grant was restricted to; the family's access
 *                        tokens are issued for it alone; empty when the grant named none
 */
public record RefreshToken(String tokenHash, String grantId, ClientId clientId, Subject subject, ScopeSet scope,
                           Instant authTime, Instant issuedAt, Instant expiresAt, Instant familyExpiresAt,
                           Optional<Instant> usedAt, boolean revoked, Optional<String> sessionId,
                           List<String> authenticationMethods, ClaimsRequest claims,
                           Optional<URI> resource) {

    public RefreshToken {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(familyExpiresAt, "familyExpiresAt");
        Objects.requireNonNull(usedAt, "usedAt");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(claims, "claims");
        authenticationMethods = List.copyOf(authenticationMethods);
        for (String method : authenticationMethods) {
            // RFC 8176 §1: amr values are case-sensitive strings; ours never hold white space.
            if (method.isEmpty() || method.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("an amr value must be non-empty without white space");
            }
        }
        Objects.requireNonNull(resource, "resource");
        if (expiresAt.isAfter(familyExpiresAt)) {
            throw new IllegalArgumentException("expiresAt must not be after familyExpiresAt");
        }
    }

    /** A token of a family granted without a browser session, authentication methods, claims request or resource. */
    public RefreshToken(String tokenHash, String grantId, ClientId clientId, Subject subject, ScopeSet scope,
                        Instant authTime, Instant issuedAt, Instant expiresAt, Instant familyExpiresAt,
                        Optional<Instant> usedAt, boolean revoked) {
        this(tokenHash, grantId, clientId, subject, scope, authTime, issuedAt, expiresAt, familyExpiresAt, usedAt,
                revoked, Optional.empty(), List.of(), ClaimsRequest.NONE, Optional.empty());
    }

    /** A token of a family granted in a browser session, without a resource. */
    public RefreshToken(String tokenHash, String grantId, ClientId clientId, Subject subject, ScopeSet scope,
                        Instant authTime, Instant issuedAt, Instant expiresAt, Instant familyExpiresAt,
                        Optional<Instant> usedAt, boolean revoked, Optional<String> sessionId,
                        List<String> authenticationMethods, ClaimsRequest claims) {
        this(tokenHash, grantId, clientId, subject, scope, authTime, issuedAt, expiresAt, familyExpiresAt, usedAt,
                revoked, sessionId, authenticationMethods, claims, Optional.empty());
    }

    /** A token of a family granted without a browser session, restricted to {@code resource}. */
    public RefreshToken(String tokenHash, String grantId, ClientId clientId, Subject subject, ScopeSet scope,
                        Instant authTime, Instant issuedAt, Instant expiresAt, Instant familyExpiresAt,
                        Optional<Instant> usedAt, boolean revoked, Optional<URI> resource) {
        this(tokenHash, grantId, clientId, subject, scope, authTime, issuedAt, expiresAt, familyExpiresAt, usedAt,
                revoked, Optional.empty(), List.of(), ClaimsRequest.NONE, resource);
    }

    /** An unused token that is the first of its family, or whose family ends when it does. */
    public RefreshToken(String tokenHash, String grantId, ClientId clientId, Subject subject, ScopeSet scope,
                        Instant authTime, Instant issuedAt, Instant expiresAt, boolean revoked) {
        this(tokenHash, grantId, clientId, subject, scope, authTime, issuedAt, expiresAt, expiresAt, Optional.empty(),
                revoked);
    }

    /** Whether the token can be used at {@code now}: not revoked, not used, not expired. */
    public boolean isActiveAt(Instant now) {
        return !revoked && usedAt.isEmpty() && now.isBefore(expiresAt);
    }

    /** A copy marked used at {@code now}. */
    public RefreshToken withUsedAt(Instant now) {
        return new RefreshToken(tokenHash, grantId, clientId, subject, scope, authTime, issuedAt, expiresAt,
                familyExpiresAt, Optional.of(now), revoked, sessionId, authenticationMethods, claims, resource);
    }

    /** A revoked copy. */
    public RefreshToken withRevoked() {
        return new RefreshToken(tokenHash, grantId, clientId, subject, scope, authTime, issuedAt, expiresAt,
                familyExpiresAt, usedAt, true, sessionId, authenticationMethods, claims, resource);
    }
}
