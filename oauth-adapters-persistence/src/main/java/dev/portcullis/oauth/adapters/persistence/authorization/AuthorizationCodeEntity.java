package dev.portcullis.oauth.adapters.persistence.authorization;

import dev.portcullis.oauth.adapters.persistence.database.ScopeColumn;
import dev.portcullis.oauth.adapters.persistence.database.ClaimsColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code authorization_code}: the code's hash, what it is bound to, and whether and for
 * which access token it was redeemed. Public only so that the persistence unit can register it;
 * {@link AuthorizationCodeEntityMapper} is the only way in or out.
 */
@Entity
@Table(name = "authorization_code")
public final class AuthorizationCodeEntity {

    @Id
    @Column(name = "code_hash", length = 128)
    String codeHash;

    @Column(name = "client_id", nullable = false, length = 255)
    String clientId;

    @Column(name = "redirect_uri", nullable = false, length = 2048)
    String redirectUri;

    @Column(name = "scope", nullable = false, length = ScopeColumn.MAX_LENGTH)
    String scope;

    @Column(name = "subject", nullable = false, length = 255)
    String subject;

    @Column(name = "auth_time", nullable = false)
    Instant authTime;

    @Column(name = "code_challenge", length = 128)
    String codeChallenge;

    @Column(name = "code_challenge_method", length = 16)
    String codeChallengeMethod;

    @Column(name = "nonce", length = 4096)
    String nonce;

    @Column(name = "session_id", length = 64)
    String sessionId;

    /** The claims asked for one by one for UserInfo (OIDC Core §5.5), see ClaimsColumns. */
    @Column(name = "claims_userinfo", length = ClaimsColumns.MAX_LENGTH)
    String claimsUserinfo;

    /** The claims asked for one by one for the ID token (OIDC Core §5.5), see ClaimsColumns. */
    @Column(name = "claims_id_token", length = ClaimsColumns.MAX_LENGTH)
    String claimsIdToken;
    @Column(name = "resource", length = 2048)
    String resource;

    @Column(name = "grant_id", nullable = false, length = 255)
    String grantId;

    @Column(name = "issued_at", nullable = false)
    Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    @Column(name = "redeemed_at")
    Instant redeemedAt;

    @Column(name = "access_token_id", length = 255)
    String accessTokenId;

    @Column(name = "access_token_expires_at")
    Instant accessTokenExpiresAt;

    /** For Hibernate. */
    AuthorizationCodeEntity() {
    }

    AuthorizationCodeEntity(String codeHash) {
        this.codeHash = codeHash;
    }
}
