package dev.portcullis.oauth.domain.client;

import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Builds a {@link Client}; validation happens in {@link #build()}. Not thread-safe. */
public final class ClientBuilder {

    private final ClientId id;
    private String name;
    private ClientAuthenticationMethod authenticationMethod = ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
    private Optional<HashedSecret> secret = Optional.empty();
    private Set<GrantType> grantTypes = Set.of();
    private Set<String> responseTypes = Set.of();
    private ScopeSet scopes = ScopeSet.EMPTY;
    private List<URI> redirectUris = List.of();
    private List<URI> postLogoutRedirectUris = List.of();
    private Optional<URI> jwksUri = Optional.empty();
    private Optional<String> jwks = Optional.empty();
    private Optional<SigningAlgorithm> accessTokenSigningAlgorithm = Optional.empty();
    private Optional<SigningAlgorithm> idTokenSigningAlgorithm = Optional.empty();
    private TokenLifetimes lifetimes = TokenLifetimes.DEFAULTS;
    private boolean firstParty;
    private boolean pkcePlainAllowed;
    private Optional<AssertionSigningAlgorithm> authSigningAlgorithm = Optional.empty();
    private Optional<SealedSecret> sealedSecret = Optional.empty();
    private AccessTokenFormat accessTokenFormat = AccessTokenFormat.JWT;

    ClientBuilder(ClientId id) {
        this.id = Objects.requireNonNull(id, "id");
        // client_name is at most 200 characters; a longer id is shortened for display.
        this.name = id.value().length() <= 200 ? id.value() : id.value().substring(0, 200);
    }

    ClientBuilder(Client client) {
        this.id = client.id();
        this.name = client.name();
        this.authenticationMethod = client.authenticationMethod();
        this.secret = client.secret();
        this.grantTypes = client.grantTypes();
        this.responseTypes = client.responseTypes();
        this.scopes = client.scopes();
        this.redirectUris = client.redirectUris();
        this.postLogoutRedirectUris = client.postLogoutRedirectUris();
        this.jwksUri = client.jwksUri();
        this.jwks = client.jwks();
        this.accessTokenSigningAlgorithm = client.accessTokenSigningAlgorithm();
        this.idTokenSigningAlgorithm = client.idTokenSigningAlgorithm();
        this.lifetimes = client.lifetimes();
        this.firstParty = client.firstParty();
        this.pkcePlainAllowed = client.pkcePlainAllowed();
        this.authSigningAlgorithm = client.authSigningAlgorithm();
        this.sealedSecret = client.sealedSecret();
        this.accessTokenFormat = client.accessTokenFormat();
    }

    public ClientBuilder name(String value) {
        this.name = Objects.requireNonNull(value, "name");
        return this;
    }

    /** Sets the method; a method without a secret also clears any secret. */
    public ClientBuilder authenticationMethod(ClientAuthenticationMethod value) {
        this.authenticationMethod = Objects.requireNonNull(value, "authenticationMethod");
        if (!value.usesSecret()) {
            this.secret = Optional.empty();
        }
        if (value != ClientAuthenticationMethod.CLIENT_SECRET_JWT) {
            this.sealedSecret = Optional.empty();
        }
        return this;
    }

    public ClientBuilder secret(HashedSecret value) {
        this.secret = Optional.of(value);
        return this;
    }

    public ClientBuilder grantTypes(GrantType... values) {
        this.grantTypes = Set.of(values);
        return this;
    }

    public ClientBuilder grantTypes(Set<GrantType> values) {
        this.grantTypes = Set.copyOf(values);
        return this;
    }

    public ClientBuilder responseTypes(Set<String> values) {
        this.responseTypes = Set.copyOf(values);
        return this;
    }

    public ClientBuilder scopes(ScopeSet value) {
        this.scopes = Objects.requireNonNull(value, "scopes");
        return this;
    }

    public ClientBuilder redirectUris(List<URI> values) {
        this.redirectUris = List.copyOf(values);
        return this;
    }

    public ClientBuilder postLogoutRedirectUris(List<URI> values) {
        this.postLogoutRedirectUris = List.copyOf(values);
        return this;
    }

    public ClientBuilder jwksUri(URI value) {
        this.jwksUri = Optional.of(value);
        return this;
    }

    public ClientBuilder jwks(String value) {
        this.jwks = Optional.of(value);
        return this;
    }

    public ClientBuilder accessTokenSigningAlgorithm(SigningAlgorithm value) {
        this.accessTokenSigningAlgorithm = Optional.of(value);
        return this;
    }

    /** The {@code id_token_signed_response_alg} (OIDC Registration §2); RS256 when never set. */
    public ClientBuilder idTokenSigningAlgorithm(SigningAlgorithm value) {
        this.idTokenSigningAlgorithm = Optional.of(value);
        return this;
    }

    public ClientBuilder lifetimes(TokenLifetimes value) {
        this.lifetimes = Objects.requireNonNull(value, "lifetimes");
        return this;
    }

    /** Whether users skip the consent page for this client. */
    public ClientBuilder firstParty(boolean value) {
        this.firstParty = value;
        return this;
    }

    /** Whether the client may use PKCE method {@code plain}. */
    public ClientBuilder pkcePlainAllowed(boolean value) {
        this.pkcePlainAllowed = value;
        return this;
    }

    /** The {@code token_endpoint_auth_signing_alg} (OIDC Registration §2). */
    public ClientBuilder authSigningAlgorithm(AssertionSigningAlgorithm value) {
        this.authSigningAlgorithm = Optional.of(value);
        return this;
    }

    /** The secret encrypted under the master key, for {@code client_secret_jwt}. */
    public ClientBuilder sealedSecret(SealedSecret value) {
        this.sealedSecret = Optional.of(value);
        return this;
    }

    /** How the client's access tokens are minted; {@link AccessTokenFormat#JWT} when not set. */
    public ClientBuilder accessTokenFormat(AccessTokenFormat value) {
        this.accessTokenFormat = Objects.requireNonNull(value, "accessTokenFormat");
        return this;
    }

    /**
     * @throws IllegalArgumentException when the values do not make a valid registration
     */
    public Client build() {
        return new Client(id, name, authenticationMethod, secret, grantTypes, responseTypes, scopes, redirectUris,
                postLogoutRedirectUris, jwksUri, jwks, accessTokenSigningAlgorithm, idTokenSigningAlgorithm, lifetimes, firstParty,
                pkcePlainAllowed, authSigningAlgorithm, sealedSecret, accessTokenFormat);
    }
}
