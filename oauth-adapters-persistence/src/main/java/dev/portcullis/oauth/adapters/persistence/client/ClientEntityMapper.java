package dev.portcullis.oauth.adapters.persistence.client;

import dev.portcullis.oauth.domain.client.AccessTokenFormat;
import dev.portcullis.oauth.domain.client.AssertionSigningAlgorithm;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientBuilder;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.HashedSecret;
import dev.portcullis.oauth.domain.client.SealedSecret;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Converts between {@link Client} and {@link ClientEntity}. Stateless. */
final class ClientEntityMapper {

    private ClientEntityMapper() {
    }

    /**
     * The client a row holds; must run inside the transaction that loaded it, as its collections load lazily.
     *
     * @throws IllegalStateException when the row holds a value the model rejects
     */
    static Client toDomain(ClientEntity entity) {
        ClientAuthenticationMethod method = ClientAuthenticationMethod.fromValue(entity.authenticationMethod)
                .orElseThrow(() -> corrupt(entity, "authentication_method"));
        ClientBuilder builder = Client.builder(new ClientId(entity.clientId))
                .name(entity.name)
                .authenticationMethod(method)
                .grantTypes(entity.grantTypes.stream().map(GrantType::new).collect(Collectors.toSet()))
                .responseTypes(Set.copyOf(entity.responseTypes))
                .scopes(ScopeSet.of(entity.scopes))
                .redirectUris(toUris(entity.redirectUris))
                .postLogoutRedirectUris(toUris(entity.postLogoutRedirectUris))
                .lifetimes(new TokenLifetimes(Duration.ofSeconds(entity.accessTokenLifetimeSeconds),
                        Duration.ofSeconds(entity.refreshTokenLifetimeSeconds),
                        Duration.ofSeconds(entity.authorizationCodeLifetimeSeconds),
                        Duration.ofSeconds(entity.refreshTokenIdleSeconds)))
                .firstParty(entity.firstParty)
                .pkcePlainAllowed(entity.pkcePlainAllowed);
        builder.accessTokenFormat(AccessTokenFormat.fromValue(entity.accessTokenFormat)
                .orElseThrow(() -> corrupt(entity, "access_token_format")));
        if (entity.secretHash != null) {
            builder.secret(new HashedSecret(entity.secretHash));
        }
        if (entity.jwksUri != null) {
            builder.jwksUri(URI.create(entity.jwksUri));
        }
        if (entity.jwks != null) {
            builder.jwks(entity.jwks);
        }
        if (entity.accessTokenSigningAlgorithm != null) {
            builder.accessTokenSigningAlgorithm(SigningAlgorithm.fromJwsName(entity.accessTokenSigningAlgorithm)
                    .orElseThrow(() -> corrupt(entity, "access_token_signing_alg")));
        }
        if (entity.idTokenSigningAlgorithm != null) {
            builder.idTokenSigningAlgorithm(SigningAlgorithm.fromJwsName(entity.idTokenSigningAlgorithm)
                    .orElseThrow(() -> corrupt(entity, "id_token_signing_alg")));
        }
        if (entity.authSigningAlgorithm != null) {
            builder.authSigningAlgorithm(AssertionSigningAlgorithm.fromJwsName(entity.authSigningAlgorithm)
                    .orElseThrow(() -> corrupt(entity, "auth_signing_alg")));
        }
        if (entity.sealedSecret != null) {
            builder.sealedSecret(new SealedSecret(entity.sealedSecret));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored client " + entity.clientId + " is not a valid registration", e);
        }
    }

    /** Writes every field of {@code client} over {@code entity}, replacing each collection's content. */
    static void copy(Client client, ClientEntity entity) {
        entity.name = client.name();
        entity.authenticationMethod = client.authenticationMethod().value();
        entity.secretHash = client.secret().map(HashedSecret::encoded).orElse(null);
        entity.jwksUri = client.jwksUri().map(URI::toString).orElse(null);
        entity.jwks = client.jwks().orElse(null);
        entity.accessTokenSigningAlgorithm = client.accessTokenSigningAlgorithm().map(SigningAlgorithm::jwsName).orElse(null);
        entity.idTokenSigningAlgorithm = client.idTokenSigningAlgorithm().map(SigningAlgorithm::jwsName).orElse(null);
        entity.accessTokenLifetimeSeconds = client.lifetimes().accessToken().getSeconds();
        entity.refreshTokenLifetimeSeconds = client.lifetimes().refreshToken().getSeconds();
        entity.authorizationCodeLifetimeSeconds = client.lifetimes().authorizationCode().getSeconds();
        entity.refreshTokenIdleSeconds = client.lifetimes().refreshTokenIdle().getSeconds();
        entity.firstParty = client.firstParty();
        entity.pkcePlainAllowed = client.pkcePlainAllowed();
        entity.authSigningAlgorithm = client.authSigningAlgorithm().map(AssertionSigningAlgorithm::jwsName).orElse(null);
        entity.sealedSecret = client.sealedSecret().map(SealedSecret::encoded).orElse(null);
        entity.accessTokenFormat = client.accessTokenFormat().value();
        replace(entity.grantTypes, client.grantTypes().stream().map(GrantType::value).toList());
        replace(entity.responseTypes, client.responseTypes());
        replace(entity.scopes, client.scopes().values());
        replace(entity.redirectUris, client.redirectUris().stream().map(URI::toString).toList());
        replace(entity.postLogoutRedirectUris, client.postLogoutRedirectUris().stream().map(URI::toString).toList());
    }

    /** Replaces in place: Hibernate compares with what it loaded and writes only the rows that changed. */
    private static void replace(Collection<String> stored, Collection<String> values) {
        stored.clear();
        stored.addAll(values);
    }

    private static List<URI> toUris(List<String> values) {
        return values.stream().map(URI::create).toList();
    }

    private static IllegalStateException corrupt(ClientEntity entity, String column) {
        return new IllegalStateException("stored client " + entity.clientId + " has an unknown " + column);
    }
}
