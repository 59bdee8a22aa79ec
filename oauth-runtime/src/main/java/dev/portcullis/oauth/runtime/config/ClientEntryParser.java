package dev.portcullis.oauth.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.oauth.domain.client.AccessTokenFormat;
import dev.portcullis.oauth.domain.client.AssertionSigningAlgorithm;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientBuilder;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.HashedSecret;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one {@code clients} entry: RFC 7591 §2 / OIDC Registration metadata names, plus our own
 * extensions ({@code first_party}, {@code allow_pkce_plain}, and the token lifetimes in seconds,
 * for which no registration metadata is standardised).
 */
final class ClientEntryParser {

    /** Stands in for the hash of a clear secret until the start hashes it. */
    static final HashedSecret PENDING_HASH = new HashedSecret("$pending$");

    private static final Set<String> KEYS = Set.of("client_id", "client_secret", "client_secret_hash", "client_name",
            "redirect_uris", "post_logout_redirect_uris", "grant_types", "response_types",
            "token_endpoint_auth_method", "scope", "jwks", "jwks_uri", "access_token_signed_response_alg",
            "id_token_signed_response_alg", "access_token_lifetime", "refresh_token_lifetime",
            "refresh_token_idle_lifetime", "first_party", "allow_pkce_plain", "token_endpoint_auth_signing_alg",
            "access_token_format");

    /** RFC 7518 §3.2: HS256 needs a key of at least 32 bytes; client_secret_jwt secrets are at least that. */
    private static final int MIN_JWT_SECRET_LENGTH = 32;

    private ClientEntryParser() {
    }

    static ClientEntry parse(ConfigNode entry, Duration defaultAccessTokenLifetime) {
        return parse(entry, defaultAccessTokenLifetime, false);
    }

    /**
     * @param production whether the server runs in production mode, where a {@code jwks_uri} must be https
     */
    static ClientEntry parse(ConfigNode entry, Duration defaultAccessTokenLifetime, boolean production) {
        entry.requireKnownKeys(KEYS);
        String idText = entry.text("client_id")
                .orElseThrow(() -> new ConfigurationException(entry.key("client_id"), "is required"));
        if (!ClientId.isValid(idText)) {
            throw new ConfigurationException(entry.key("client_id"), "must be 1 to 255 printable ASCII characters");
        }
        ClientBuilder builder = Client.builder(new ClientId(idText));
        entry.text("client_name").ifPresent(builder::name);
        ClientAuthenticationMethod method = entry.text("token_endpoint_auth_method")
                .map(v -> ClientAuthenticationMethod.fromValue(v).orElseThrow(() -> new ConfigurationException(
                        entry.key("token_endpoint_auth_method"), "unknown method; use one of client_secret_basic, "
                        + "client_secret_post, private_key_jwt, client_secret_jwt, none")))
                .orElse(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        builder.authenticationMethod(method);
        Optional<ClientSecret> secret = secret(entry, method, builder);
        builder.grantTypes(grantTypes(entry));
        builder.responseTypes(new LinkedHashSet<>(entry.texts("response_types")));
        entry.text("scope").ifPresent(scope -> builder.scopes(ScopeSet.parse(scope).orElseThrow(() ->
                new ConfigurationException(entry.key("scope"), "must be scope names separated by single spaces"))));
        builder.redirectUris(uris(entry, "redirect_uris"));
        builder.postLogoutRedirectUris(uris(entry, "post_logout_redirect_uris"));
        entry.text("jwks_uri").ifPresent(uri -> builder.jwksUri(jwksUri(entry.key("jwks_uri"), uri, production)));
        entry.raw("jwks").ifPresent(jwks -> builder.jwks(jwksText(entry.key("jwks"), jwks)));
        // OIDC Registration §2: the one algorithm the client's authentication assertions may use.
        entry.text("token_endpoint_auth_signing_alg").ifPresent(alg -> builder.authSigningAlgorithm(
                AssertionSigningAlgorithm.fromJwsName(alg).orElseThrow(() -> new ConfigurationException(
                        entry.key("token_endpoint_auth_signing_alg"), "unknown algorithm; use one of "
                        + "RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA, HS256, HS384, HS512"))));
        entry.text("access_token_signed_response_alg").ifPresent(alg -> builder.accessTokenSigningAlgorithm(
                SigningAlgorithm.fromJwsName(alg).orElseThrow(() -> new ConfigurationException(
                        entry.key("access_token_signed_response_alg"), "unknown algorithm; use RS256, PS256, ES256 or EdDSA"))));
        // OIDC Registration §2: the alg of the client's ID tokens; RS256 when absent.
        entry.text("id_token_signed_response_alg").ifPresent(alg -> builder.idTokenSigningAlgorithm(
                SigningAlgorithm.fromJwsName(alg).orElseThrow(() -> new ConfigurationException(
                        entry.key("id_token_signed_response_alg"), "unknown algorithm; use RS256, PS256, ES256 or EdDSA"))));
        entry.bool("first_party").ifPresent(builder::firstParty);
        entry.bool("allow_pkce_plain").ifPresent(builder::pkcePlainAllowed);
        // Our extension: RFC 9068 JWT access tokens by default, or opaque reference tokens.
        entry.text("access_token_format").ifPresent(format -> builder.accessTokenFormat(
                AccessTokenFormat.fromValue(format).orElseThrow(() -> new ConfigurationException(
                        entry.key("access_token_format"), "unknown format; use jwt or opaque"))));
        builder.lifetimes(lifetimes(entry, defaultAccessTokenLifetime));
        try {
            Client client = builder.build();
            return new ClientEntry(client, secret);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(entry.key("client_id") + " (" + idText + ")", e.getMessage());
        }
    }

    /**
     * The access token lifetime, and the refresh token family's absolute and idle lifetimes; an
     * absent idle lifetime equals the absolute one, so that only the absolute one applies.
     */
    private static TokenLifetimes lifetimes(ConfigNode entry, Duration defaultAccessTokenLifetime) {
        TokenLifetimes defaults = TokenLifetimes.DEFAULTS;
        Duration access = seconds(entry, "access_token_lifetime").orElse(defaultAccessTokenLifetime);
        Duration absolute = seconds(entry, "refresh_token_lifetime").orElse(defaults.refreshToken());
        Duration idle = seconds(entry, "refresh_token_idle_lifetime").orElse(absolute);
        if (idle.compareTo(absolute) > 0) {
            throw new ConfigurationException(entry.key("refresh_token_idle_lifetime"),
                    "must not exceed refresh_token_lifetime");
        }
        return new TokenLifetimes(access, absolute, defaults.authorizationCode(), idle);
    }

    private static Optional<Duration> seconds(ConfigNode entry, String name) {
        return entry.text(name).map(v -> SettingsLoader.seconds(entry.key(name), v));
    }

    private static Optional<ClientSecret> secret(ConfigNode entry, ClientAuthenticationMethod method, ClientBuilder builder) {
        Optional<String> clear = entry.text("client_secret");
        Optional<String> hash = entry.text("client_secret_hash");
        if (clear.isPresent() && hash.isPresent()) {
            throw new ConfigurationException(entry.key("client_secret"), "give client_secret or client_secret_hash, not both");
        }
        if (!method.usesSecret()) {
            if (clear.isPresent() || hash.isPresent()) {
                throw new ConfigurationException(entry.key("client_secret"),
                        "token_endpoint_auth_method " + method.value() + " takes no secret");
            }
            return Optional.empty();
        }
        // OIDC Core §9: client_secret_jwt verifies an HMAC keyed with the secret itself, which a hash cannot give back.
        if (hash.isPresent() && method == ClientAuthenticationMethod.CLIENT_SECRET_JWT) {
            throw new ConfigurationException(entry.key("client_secret_hash"),
                    "token_endpoint_auth_method client_secret_jwt needs client_secret in clear (it is stored encrypted)");
        }
        if (hash.isPresent()) {
            builder.secret(new HashedSecret(hash.get()));
            return Optional.empty();
        }
        String value = clear.orElseThrow(() -> new ConfigurationException(entry.key("client_secret"),
                "is required for token_endpoint_auth_method " + method.value()));
        if (value.length() < 16 || value.length() > ClientSecret.MAX_LENGTH) {
            throw new ConfigurationException(entry.key("client_secret"), "must be 16 to 512 characters");
        }
        if (method == ClientAuthenticationMethod.CLIENT_SECRET_JWT && value.length() < MIN_JWT_SECRET_LENGTH) {
            throw new ConfigurationException(entry.key("client_secret"),
                    "must be at least 32 characters for client_secret_jwt (RFC 7518 §3.2)");
        }
        builder.secret(PENDING_HASH);
        return Optional.of(new ClientSecret(value));
    }

    private static Set<GrantType> grantTypes(ConfigNode entry) {
        Set<GrantType> types = new LinkedHashSet<>();
        List<String> values = entry.texts("grant_types");
        for (int i = 0; i < values.size(); i++) {
            String key = entry.key("grant_types") + "[" + i + "]";
            types.add(GrantType.parse(values.get(i)).orElseThrow(() ->
                    new ConfigurationException(key, "unknown grant type; custom grant types are absolute URIs")));
        }
        return types;
    }

    private static List<URI> uris(ConfigNode entry, String name) {
        List<URI> uris = new ArrayList<>();
        List<String> values = entry.texts(name);
        for (int i = 0; i < values.size(); i++) {
            uris.add(uri(entry.key(name) + "[" + i + "]", values.get(i)));
        }
        return uris;
    }

    private static URI uri(String key, String value) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute()) {
                throw new ConfigurationException(key, "must be an absolute URI");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException(key, "is not a valid URI");
        }
    }

    private static String jwksText(String key, JsonNode jwks) {
        if (!jwks.isObject() || !jwks.path("keys").isArray()) {
            throw new ConfigurationException(key, "must be a JWK set: a mapping with a keys list (RFC 7517 §5)");
        }
        JsonNode keys = jwks.path("keys");
        for (int i = 0; i < keys.size(); i++) {
            JsonNode jwk = keys.get(i);
            // A client registers public keys only; a private or symmetric key here would be a leaked secret.
            if (!jwk.isObject() || jwk.has("d") || jwk.has("k") || "oct".equals(jwk.path("kty").asText())) {
                throw new ConfigurationException(key + ".keys[" + i + "]", "must be a public key (no d, no k, no kty oct)");
            }
        }
        return jwks.toString();
    }

    /** RFC 7591 §2 and OIDC Registration §2: https; plain http only on a loopback host outside production. */
    private static URI jwksUri(String key, String value, boolean production) {
        URI uri = uri(key, value);
        boolean https = "https".equals(uri.getScheme()) && uri.getHost() != null;
        String host = uri.getHost();
        boolean loopbackHttp = "http".equals(uri.getScheme()) && host != null
                && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"));
        if (uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new ConfigurationException(key, "must have no fragment and no user info");
        }
        if (production && !https) {
            throw new ConfigurationException(key, "must be an https URL in production mode");
        }
        if (!https && !loopbackHttp) {
            throw new ConfigurationException(key, "must be an https URL (http only on a loopback host in development)");
        }
        return uri;
    }
}
