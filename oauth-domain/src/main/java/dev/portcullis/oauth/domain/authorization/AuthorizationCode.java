package dev.portcullis.oauth.domain.authorization;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.user.ClaimsRequest;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An issued authorization code as stored: only its hash, and everything it is bound to
 * (RFC 6749 §4.1.2, RFC 7636 §4.4, RFC 9700 §2.1.1).
 *
 * @param codeHash      SHA-256 of the code, base64url (see {@link dev.portcullis.oauth.domain.token.TokenHash})
 * @param clientId      the client it was issued to
 * @param redirectUri   the {@code redirect_uri} of the authorization request, as sent
 * @param scope         the scope the user granted
 * @param subject       the user
 * @param authTime      when the user authenticated (OIDC {@code auth_time})
 * @param codeChallenge the PKCE challenge; empty only for a confidential client that sent none
 * @param nonce         the OIDC {@code nonce}, to be echoed in the ID token
 * @param sessionId     the public identifier of the browser session the user approved in, the ID
 *                      token's {@code sid} (OIDC Front-Channel Logout §3); empty when no browser
 *                      session was involved. Never the session cookie value.
 * @param grantId       identifies every token issued from this code, so that all can be revoked
 *                      together when the code is replayed (RFC 6749 §4.1.2)
 * @param issuedAt      when the code was issued
 * @param expiresAt     when it stops being redeemable
 * @param claims        the individual claims the request asked for (OIDC Core §5.5), for the ID
 *                      token and UserInfo
 * @param resource      the {@code resource} of the authorization request (RFC 8707 §2), which the
 *                      tokens issued for the code are restricted to; empty when none was named
 */
public record AuthorizationCode(String codeHash, ClientId clientId, URI redirectUri, ScopeSet scope, Subject subject,
                                Instant authTime, Optional<CodeChallenge> codeChallenge, Optional<String> nonce,
                                Optional<String> sessionId, String grantId, Instant issuedAt, Instant expiresAt,
                                ClaimsRequest claims, Optional<URI> resource) {

    public AuthorizationCode {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(resource, "resource");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a code must expire after it is issued");
        }
    }

    /** A code without a claims request, for a request that named no resource. */
    public AuthorizationCode(String codeHash, ClientId clientId, URI redirectUri, ScopeSet scope, Subject subject,
                             Instant authTime, Optional<CodeChallenge> codeChallenge, Optional<String> nonce,
                             Optional<String> sessionId, String grantId, Instant issuedAt, Instant expiresAt) {
        this(codeHash, clientId, redirectUri, scope, subject, authTime, codeChallenge, nonce, sessionId, grantId,
                issuedAt, expiresAt, ClaimsRequest.NONE, Optional.empty());
    }

    /** A code for a request that named no resource. */
    public AuthorizationCode(String codeHash, ClientId clientId, URI redirectUri, ScopeSet scope, Subject subject,
                             Instant authTime, Optional<CodeChallenge> codeChallenge, Optional<String> nonce,
                             Optional<String> sessionId, String grantId, Instant issuedAt, Instant expiresAt,
                             ClaimsRequest claims) {
        this(codeHash, clientId, redirectUri, scope, subject, authTime, codeChallenge, nonce, sessionId, grantId,
                issuedAt, expiresAt, claims, Optional.empty());
    }

    /** A code without a claims request. */
    public AuthorizationCode(String codeHash, ClientId clientId, URI redirectUri, ScopeSet scope, Subject subject,
                             Instant authTime, Optional<CodeChallenge> codeChallenge, Optional<String> nonce,
                             Optional<String> sessionId, String grantId, Instant issuedAt, Instant expiresAt,
                             Optional<URI> resource) {
        this(codeHash, clientId, redirectUri, scope, subject, authTime, codeChallenge, nonce, sessionId, grantId,
                issuedAt, expiresAt, ClaimsRequest.NONE, resource);
    }

    /** A code issued outside a browser session, without {@code sid}. */
    public AuthorizationCode(String codeHash, ClientId clientId, URI redirectUri, ScopeSet scope, Subject subject,
                             Instant authTime, Optional<CodeChallenge> codeChallenge, Optional<String> nonce,
                             String grantId, Instant issuedAt, Instant expiresAt) {
        this(codeHash, clientId, redirectUri, scope, subject, authTime, codeChallenge, nonce, Optional.empty(), grantId,
                issuedAt, expiresAt);
    }

    /** Whether the code has expired at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
