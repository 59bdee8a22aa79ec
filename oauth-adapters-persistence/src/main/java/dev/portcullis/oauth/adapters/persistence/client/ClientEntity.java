package dev.portcullis.oauth.adapters.persistence.client;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A row of {@code oauth_client} with its child tables; ordered collections keep their order in
 * {@code list_index}. Public only so that the persistence unit can register it; everything else
 * about it is package-private, and {@link ClientEntityMapper} is the only way in or out.
 */
@Entity
@Table(name = "oauth_client")
public final class ClientEntity {

    @Id
    @Column(name = "client_id", length = 255)
    String clientId;

    @Column(name = "client_name", nullable = false, length = 200)
    String name;

    @Column(name = "authentication_method", nullable = false, length = 32)
    String authenticationMethod;

    @Column(name = "secret_hash", length = 1024)
    String secretHash;

    @Column(name = "jwks_uri", length = 2048)
    String jwksUri;

    @Column(name = "jwks", length = 1_048_576)
    String jwks;

    @Column(name = "access_token_signing_alg", length = 16)
    String accessTokenSigningAlgorithm;

    @Column(name = "id_token_signing_alg", length = 16)
    String idTokenSigningAlgorithm;

    @Column(name = "access_token_lifetime_seconds", nullable = false)
    long accessTokenLifetimeSeconds;

    @Column(name = "refresh_token_lifetime_seconds", nullable = false)
    long refreshTokenLifetimeSeconds;

    @Column(name = "authorization_code_lifetime_seconds", nullable = false)
    long authorizationCodeLifetimeSeconds;

    @Column(name = "refresh_token_idle_seconds", nullable = false)
    long refreshTokenIdleSeconds;

    @Column(name = "auth_signing_alg", length = 16)
    String authSigningAlgorithm;

    @Column(name = "sealed_secret", length = 2048)
    String sealedSecret;

    @Column(name = "first_party", nullable = false)
    boolean firstParty;

    @Column(name = "pkce_plain_allowed", nullable = false)
    boolean pkcePlainAllowed;

    @Column(name = "access_token_format", nullable = false, length = 16)
    String accessTokenFormat;

    @ElementCollection
    @CollectionTable(name = "oauth_client_grant_type", joinColumns = @JoinColumn(name = "client_id"))
    @Column(name = "grant_type", nullable = false, length = 255)
    Set<String> grantTypes = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "oauth_client_response_type", joinColumns = @JoinColumn(name = "client_id"))
    @Column(name = "response_type", nullable = false, length = 255)
    Set<String> responseTypes = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "oauth_client_scope", joinColumns = @JoinColumn(name = "client_id"))
    @OrderColumn(name = "list_index")
    @Column(name = "scope_name", nullable = false, length = 128)
    List<String> scopes = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "oauth_client_redirect_uri", joinColumns = @JoinColumn(name = "client_id"))
    @OrderColumn(name = "list_index")
    @Column(name = "redirect_uri", nullable = false, length = 2048)
    List<String> redirectUris = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "oauth_client_post_logout_redirect_uri", joinColumns = @JoinColumn(name = "client_id"))
    @OrderColumn(name = "list_index")
    @Column(name = "redirect_uri", nullable = false, length = 2048)
    List<String> postLogoutRedirectUris = new ArrayList<>();

    /** For Hibernate. */
    ClientEntity() {
    }

    ClientEntity(String clientId) {
        this.clientId = clientId;
    }
}
