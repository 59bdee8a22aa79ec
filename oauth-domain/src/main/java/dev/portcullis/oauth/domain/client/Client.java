package dev.portcullis.oauth.domain.client;

import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A registered client (RFC 6749 §2; metadata names of RFC 7591 §2 and OIDC Registration §2).
 * Build one with {@link #builder(ClientId)}.
 *
 * @param id                          {@code client_id}
 * @param name                        {@code client_name}, shown to users
 * @param authenticationMethod        {@code token_endpoint_auth_method}
 * @param secret                      the hashed {@code client_secret}; present exactly when the
 *                                    method uses a secret
 * @param grantTypes                  {@code grant_types} the client may use
 * @param responseTypes               {@code response_types}
 * @param scopes                      the scopes the client may be granted ({@code scope})
 * @param redirectUris                {@code redirect_uris}, absolute and without fragment (RFC 6749 §3.1.2)
 * @param postLogoutRedirectUris      {@code post_logout_redirect_uris}
 * @param jwksUri                     {@code jwks_uri}
 * @param jwks                        {@code jwks}, a JWK set as JSON text
 * @param accessTokenSigningAlgorithm {@code access_token_signed_response_alg}; empty for the server default
 * @param idTokenSigningAlgorithm     {@code id_token_signed_response_alg} (OIDC Registration §2); empty for
 *                                    RS256, the default OIDC Core §15.1 requires every provider to support
 * @param lifetimes                   how long its tokens live
 * @param firstParty                  whether the client belongs to the platform itself, so users
 *                                    are not asked for consent (our extension {@code first_party})
 * @param pkcePlainAllowed            whether the client may use PKCE method {@code plain}
 *                                    (our extension {@code allow_pkce_plain}; RFC 9700 §2.1.1
 *                                    says S256; off unless configured)
 * @param authSigningAlgorithm        {@code token_endpoint_auth_signing_alg} (OIDC Registration §2): the
 *                                    only algorithm its assertions may use; empty for the defaults of
 *                                    {@link AssertionSigningAlgorithm}
 * @param sealedSecret                the {@code client_secret} encrypted under the master key, which
 *                                    {@code client_secret_jwt} needs to verify HMAC assertions; only
 *                                    for that method
 * @param accessTokenFormat           {@code access_token_format} (our extension): RFC 9068 JWT (default)
 *                                    or an opaque reference token
 */
public record Client(ClientId id, String name, ClientAuthenticationMethod authenticationMethod,
                     Optional<HashedSecret> secret, Set<GrantType> grantTypes, Set<String> responseTypes,
                     ScopeSet scopes, List<URI> redirectUris, List<URI> postLogoutRedirectUris,
                     Optional<URI> jwksUri, Optional<String> jwks,
                     Optional<SigningAlgorithm> accessTokenSigningAlgorithm,
                     Optional<SigningAlgorithm> idTokenSigningAlgorithm, TokenLifetimes lifetimes,
                     boolean firstParty, boolean pkcePlainAllowed,
                     Optional<AssertionSigningAlgorithm> authSigningAlgorithm, Optional<SealedSecret> sealedSecret,
                     AccessTokenFormat accessTokenFormat) {

    /** A client that does not authenticate with a JWT assertion and gets JWT access tokens. */
    public Client(ClientId id, String name, ClientAuthenticationMethod authenticationMethod,
                  Optional<HashedSecret> secret, Set<GrantType> grantTypes, Set<String> responseTypes,
                  ScopeSet scopes, List<URI> redirectUris, List<URI> postLogoutRedirectUris,
                  Optional<URI> jwksUri, Optional<String> jwks,
                  Optional<SigningAlgorithm> accessTokenSigningAlgorithm,
                  Optional<SigningAlgorithm> idTokenSigningAlgorithm, TokenLifetimes lifetimes,
                  boolean firstParty, boolean pkcePlainAllowed) {
        this(id, name, authenticationMethod, secret, grantTypes, responseTypes, scopes, redirectUris,
                postLogoutRedirectUris, jwksUri, jwks, accessTokenSigningAlgorithm, idTokenSigningAlgorithm, lifetimes,
                firstParty, pkcePlainAllowed, AccessTokenFormat.JWT);
    }

    /** A client that gets JWT access tokens. */
    public Client(ClientId id, String name, ClientAuthenticationMethod authenticationMethod,
                  Optional<HashedSecret> secret, Set<GrantType> grantTypes, Set<String> responseTypes,
                  ScopeSet scopes, List<URI> redirectUris, List<URI> postLogoutRedirectUris,
                  Optional<URI> jwksUri, Optional<String> jwks,
                  Optional<SigningAlgorithm> accessTokenSigningAlgorithm,
                  Optional<SigningAlgorithm> idTokenSigningAlgorithm, TokenLifetimes lifetimes,
                  boolean firstParty, boolean pkcePlainAllowed,
                  Optional<AssertionSigningAlgorithm> authSigningAlgorithm, Optional<SealedSecret> sealedSecret) {
        this(id, name, authenticationMethod, secret, grantTypes, responseTypes, scopes, redirectUris,
                postLogoutRedirectUris, jwksUri, jwks, accessTokenSigningAlgorithm, idTokenSigningAlgorithm, lifetimes,
                firstParty, pkcePlainAllowed, authSigningAlgorithm, sealedSecret, AccessTokenFormat.JWT);
    }

    /** A client that does not authenticate with a JWT assertion. */
    public Client(ClientId id, String name, ClientAuthenticationMethod authenticationMethod,
                  Optional<HashedSecret> secret, Set<GrantType> grantTypes, Set<String> responseTypes,
                  ScopeSet scopes, List<URI> redirectUris, List<URI> postLogoutRedirectUris,
                  Optional<URI> jwksUri, Optional<String> jwks,
                  Optional<SigningAlgorithm> accessTokenSigningAlgorithm,
                  Optional<SigningAlgorithm> idTokenSigningAlgorithm, TokenLifetimes lifetimes,
                  boolean firstParty, boolean pkcePlainAllowed, AccessTokenFormat accessTokenFormat) {
        this(id, name, authenticationMethod, secret, grantTypes, responseTypes, scopes, redirectUris,
                postLogoutRedirectUris, jwksUri, jwks, accessTokenSigningAlgorithm, idTokenSigningAlgorithm, lifetimes,
                firstParty, pkcePlainAllowed, Optional.empty(), Optional.empty(), accessTokenFormat);
    }

    public Client {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authenticationMethod, "authenticationMethod");
        Objects.requireNonNull(secret, "secret");
        grantTypes = Set.copyOf(grantTypes);
        responseTypes = Set.copyOf(responseTypes);
        Objects.requireNonNull(scopes, "scopes");
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        Objects.requireNonNull(jwksUri, "jwksUri");
        Objects.requireNonNull(jwks, "jwks");
        Objects.requireNonNull(accessTokenSigningAlgorithm, "accessTokenSigningAlgorithm");
        Objects.requireNonNull(idTokenSigningAlgorithm, "idTokenSigningAlgorithm");
        Objects.requireNonNull(lifetimes, "lifetimes");
        Objects.requireNonNull(accessTokenFormat, "accessTokenFormat");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("client_name must be 1 to 200 characters");
        }
        if (authenticationMethod.usesSecret() != secret.isPresent()) {
            throw new IllegalArgumentException(authenticationMethod.usesSecret()
                    ? "token_endpoint_auth_method " + authenticationMethod + " needs a client_secret"
                    : "token_endpoint_auth_method " + authenticationMethod + " takes no client_secret");
        }
        if (jwksUri.isPresent() && jwks.isPresent()) {
            throw new IllegalArgumentException("jwks_uri and jwks must not both be present (RFC 7591 §2)");
        }
        if (authenticationMethod == ClientAuthenticationMethod.PRIVATE_KEY_JWT && jwksUri.isEmpty() && jwks.isEmpty()) {
            throw new IllegalArgumentException("token_endpoint_auth_method private_key_jwt needs jwks or jwks_uri");
        }
        redirectUris.forEach(uri -> requireRedirectUri(uri, "redirect_uris"));
        postLogoutRedirectUris.forEach(uri -> requireRedirectUri(uri, "post_logout_redirect_uris"));
        if (grantTypes.contains(GrantType.AUTHORIZATION_CODE) && redirectUris.isEmpty()) {
            throw new IllegalArgumentException("grant type authorization_code needs at least one redirect_uris entry");
        }
        if (grantTypes.contains(GrantType.CLIENT_CREDENTIALS) && authenticationMethod == ClientAuthenticationMethod.NONE) {
            throw new IllegalArgumentException("grant type client_credentials needs a confidential client (RFC 6749 §4.4)");
        }
        requireAssertionSettings(authenticationMethod, authSigningAlgorithm, sealedSecret);
    }

    private static void requireAssertionSettings(ClientAuthenticationMethod method,
                                                 Optional<AssertionSigningAlgorithm> algorithm,
                                                 Optional<SealedSecret> sealedSecret) {
        Objects.requireNonNull(algorithm, "authSigningAlgorithm");
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        // OIDC Core §9: HMAC algorithms belong to client_secret_jwt, public-key ones to private_key_jwt.
        if (algorithm.isPresent() && algorithm.get().method() != method) {
            throw new IllegalArgumentException("token_endpoint_auth_signing_alg " + algorithm.get()
                    + " does not fit token_endpoint_auth_method " + method);
        }
        if (sealedSecret.isPresent() && method != ClientAuthenticationMethod.CLIENT_SECRET_JWT) {
            throw new IllegalArgumentException("only token_endpoint_auth_method client_secret_jwt keeps an encrypted secret");
        }
    }

    /**
     * The algorithms this client's authentication assertions may be signed with: its
     * {@code token_endpoint_auth_signing_alg}, or the defaults of its method; empty for methods
     * that do not use assertions.
     */
    public Set<AssertionSigningAlgorithm> assertionAlgorithms() {
        if (authSigningAlgorithm.isPresent()) {
            return Set.of(authSigningAlgorithm.get());
        }
        if (authenticationMethod == ClientAuthenticationMethod.PRIVATE_KEY_JWT) {
            return AssertionSigningAlgorithm.PRIVATE_KEY_DEFAULTS;
        }
        if (authenticationMethod == ClientAuthenticationMethod.CLIENT_SECRET_JWT) {
            return AssertionSigningAlgorithm.CLIENT_SECRET_DEFAULTS;
        }
        return Set.of();
    }

    /** A builder with safe defaults: {@code client_secret_basic}, no grants, no scopes. */
    public static ClientBuilder builder(ClientId id) {
        return new ClientBuilder(id);
    }

    /** A builder holding this client's values, to change some of them. */
    public ClientBuilder toBuilder() {
        return new ClientBuilder(this);
    }

    /** RFC 6749 §2.1: a client that authenticates is confidential; one that cannot is public. */
    public ClientType type() {
        return authenticationMethod == ClientAuthenticationMethod.NONE ? ClientType.PUBLIC : ClientType.CONFIDENTIAL;
    }

    /** Whether the client is confidential (RFC 6749 §2.1). */
    public boolean isConfidential() {
        return type() == ClientType.CONFIDENTIAL;
    }

    /** Whether the client may use {@code grantType} at the token endpoint. */
    public boolean mayUse(GrantType grantType) {
        return grantTypes.contains(grantType);
    }

    private static void requireRedirectUri(URI uri, String field) {
        Objects.requireNonNull(uri, field);
        // RFC 6749 §3.1.2: absolute, and MUST NOT include a fragment component.
        if (!uri.isAbsolute() || uri.getRawFragment() != null || uri.isOpaque() && !"urn".equals(uri.getScheme())) {
            throw new IllegalArgumentException(field + " entries must be absolute URIs without a fragment");
        }
    }
}
