package dev.portcullis.oauth.adapters.persistence.authorization;

import dev.portcullis.oauth.adapters.persistence.database.ClaimsColumns;
import dev.portcullis.oauth.adapters.persistence.database.ScopeColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code pending_authorization}: an authorization request waiting for the user, and the
 * user once signed in. Public only so that the persistence unit can register it;
 * {@link PendingAuthorizationEntityMapper} is the only way in or out.
 */
@Entity
@Table(name = "pending_authorization")
public final class PendingAuthorizationEntity {

    @Id
    @Column(name = "id_hash", length = 128)
    String idHash;

    @Column(name = "client_id", nullable = false, length = 255)
    String clientId;

    @Column(name = "redirect_uri", nullable = false, length = 2048)
    String redirectUri;

    @Column(name = "response_mode", nullable = false, length = 16)
    String responseMode;

    @Column(name = "state", length = 65536)
    String state;

    @Column(name = "scope", nullable = false, length = ScopeColumn.MAX_LENGTH)
    String scope;

    @Column(name = "code_challenge", length = 128)
    String codeChallenge;

    @Column(name = "code_challenge_method", length = 16)
    String codeChallengeMethod;

    @Column(name = "nonce", length = 4096)
    String nonce;

    /** The prompt values joined by single spaces; null for none. */
    @Column(name = "prompt", length = 64)
    String prompt;

    @Column(name = "max_age_seconds")
    Long maxAgeSeconds;

    @Column(name = "login_hint", length = 65536)
    String loginHint;

    /** The ui_locales tags in order of preference, joined by single spaces; null for none. */
    @Column(name = "ui_locales", length = 512)
    String uiLocales;

    /** The acr_values in order, joined by single spaces; null for none. */
    @Column(name = "acr_values", length = 1024)
    String acrValues;

    @Column(name = "claims_userinfo", length = ClaimsColumns.MAX_LENGTH)
    String claimsUserinfo;

    @Column(name = "claims_id_token", length = ClaimsColumns.MAX_LENGTH)
    String claimsIdToken;

    /** The {@code sub} value the claims parameter requires (OIDC Core §5.5.1), checked after sign-in. */
    @Column(name = "claims_subject", length = 4096)
    String claimsSubject;

    @Column(name = "resource", length = 2048)
    String resource;

    @Column(name = "csrf_token", nullable = false, length = 255)
    String csrfToken;

    @Column(name = "flow_binding_hash", nullable = false, length = 128)
    String flowBindingHash;

    @Column(name = "subject", length = 255)
    String subject;

    @Column(name = "auth_time")
    Instant authTime;

    @Column(name = "session_id_hash", length = 128)
    String sessionIdHash;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    /** For Hibernate. */
    PendingAuthorizationEntity() {
    }
}
