package dev.portcullis.oauth.application.client;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.portcullis.oauth.domain.client.AccessTokenFormat;
import dev.portcullis.oauth.domain.client.AssertionSigningAlgorithm;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientBuilder;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Client registration metadata as JSON (RFC 7591 §2, OIDC Registration §2) to and from a
 * {@link Client}, for the admin API: the standard names, plus our own extensions for which no
 * metadata is standardised ({@code first_party}, {@code allow_pkce_plain}, and the token lifetimes
 * in seconds). A {@code client_secret_jwt} secret has at least 32 characters (RFC 7518 §3.2); a
 * {@code jwks} holds public keys only; a {@code jwks_uri} is https (http only on loopback). Unknown names are refused rather than ignored, so that a typo never silently drops
 * a setting. Every error is {@code invalid_client_metadata} naming the field, or
 * {@code invalid_redirect_uri} (RFC 7591 §3.2.2). Stateless.
 */
public final class ClientMetadata {

    /** The shortest client secret accepted from a caller; generated ones have 256 bits. */
    public static final int MIN_SECRET_LENGTH = 16;

    private static final Set<String> NAMES = Set.of("client_id", "client_secret", "client_name", "redirect_uris",
            "post_logout_redirect_uris", "grant_types", "response_types", "token_endpoint_auth_method", "scope",
            "jwks", "jwks_uri", "access_token_signed_response_alg", "id_token_signed_response_alg",
            "access_token_lifetime", "refresh_token_lifetime", "refresh_token_idle_lifetime", "first_party",
            "allow_pkce_plain", "token_endpoint_auth_signing_alg", "access_token_format");

    /** RFC 7518 §3.2: an HS256 key has at least 32 bytes, so a client_secret_jwt secret has at least 32 characters. */
    public static final int MIN_JWT_SECRET_LENGTH = 32;

    private ClientMetadata() {
    }

    /**
     * A registration read from {@code json}, and the clear secret it sets, if any. The builder has
     * no secret hash yet: the caller hashes the secret (or generates one) and sets it.
     *
     * @param builder the registration without its secret
     * @param secret  the {@code client_secret} given in clear; empty when none was given
     * @param method  the {@code token_endpoint_auth_method}
     */
    public record Parsed(ClientBuilder builder, Optional<ClientSecret> secret, ClientAuthenticationMethod method) {
    }

    /**
     * Reads {@code json} as the registration of client {@code id}.
     *
     * @param defaults the lifetimes of a client that sets none
     * @throws OAuthException {@code invalid_client_metadata} or {@code invalid_redirect_uri}
     */
    public static Parsed parse(ClientId id, Map<String, Object> json, TokenLifetimes defaults) {
        for (String name : json.keySet()) {
            if (!NAMES.contains(name)) {
                throw invalid("The field " + name + " is not client metadata this server knows.");
            }
        }
        Optional<String> sentId = text(json, "client_id");
        if (sentId.isPresent() && !sentId.get().equals(id.value())) {
            throw invalid("The field client_id does not match the client.");
        }
        ClientBuilder builder = Client.builder(id);
        text(json, "client_name").ifPresent(builder::name);
        ClientAuthenticationMethod method = text(json, "token_endpoint_auth_method")
                .map(value -> ClientAuthenticationMethod.fromValue(value)
                        .orElseThrow(() -> invalid("The field token_endpoint_auth_method has an unknown value.")))
                .orElse(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        builder.authenticationMethod(method);
        Optional<ClientSecret> secret = text(json, "client_secret").map(value -> secret(value, method));
        if (secret.isPresent() && !method.usesSecret()) {
            throw invalid("The field client_secret is not allowed with token_endpoint_auth_method " + method.value() + ".");
        }
        builder.grantTypes(grantTypes(json));
        builder.responseTypes(new LinkedHashSet<>(texts(json, "response_types")));
        text(json, "scope").ifPresent(scope -> builder.scopes(ScopeSet.parse(scope)
                .orElseThrow(() -> invalid("The field scope must be scope names separated by single spaces."))));
        builder.redirectUris(uris(json, "redirect_uris", StandardErrorCode.INVALID_REDIRECT_URI));
        builder.postLogoutRedirectUris(uris(json, "post_logout_redirect_uris", StandardErrorCode.INVALID_CLIENT_METADATA));
        text(json, "jwks_uri").ifPresent(value -> builder.jwksUri(jwksUri(value)));
        jwks(json).ifPresent(builder::jwks);
        text(json, "token_endpoint_auth_signing_alg").ifPresent(value -> builder.authSigningAlgorithm(
                AssertionSigningAlgorithm.fromJwsName(value).orElseThrow(() -> invalid(
                        "The field token_endpoint_auth_signing_alg names an unknown algorithm."))));
        text(json, "access_token_signed_response_alg").ifPresent(value -> builder.accessTokenSigningAlgorithm(
                algorithm("access_token_signed_response_alg", value)));
        text(json, "id_token_signed_response_alg").ifPresent(value -> builder.idTokenSigningAlgorithm(
                algorithm("id_token_signed_response_alg", value)));
        text(json, "access_token_format").ifPresent(value -> builder.accessTokenFormat(AccessTokenFormat.fromValue(value)
                .orElseThrow(() -> invalid("The field access_token_format must be jwt or opaque."))));
        bool(json, "first_party").ifPresent(builder::firstParty);
        bool(json, "allow_pkce_plain").ifPresent(builder::pkcePlainAllowed);
        builder.lifetimes(lifetimes(json, defaults));
        return new Parsed(builder, secret, method);
    }

    /**
     * Builds {@code builder}, turning the registration rules' refusal into {@code invalid_client_metadata}.
     *
     * @throws OAuthException {@code invalid_client_metadata} naming the rule
     */
    public static Client build(ClientBuilder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw invalid("The client metadata is not valid: " + OAuthError.descriptionText(e.getMessage()) + ".");
        }
    }

    /** The metadata of {@code client} as JSON members, without its secret or the secret's hash. */
    public static Map<String, Object> toJson(Client client) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("client_id", client.id().value());
        json.put("client_name", client.name());
        json.put("token_endpoint_auth_method", client.authenticationMethod().value());
        json.put("grant_types", client.grantTypes().stream().map(GrantType::value).sorted().toList());
        json.put("response_types", client.responseTypes().stream().sorted().toList());
        json.put("scope", client.scopes().toParameter());
        json.put("redirect_uris", client.redirectUris().stream().map(URI::toString).toList());
        json.put("post_logout_redirect_uris", client.postLogoutRedirectUris().stream().map(URI::toString).toList());
        client.jwksUri().ifPresent(uri -> json.put("jwks_uri", uri.toString()));
        client.jwks().ifPresent(jwks -> json.put("jwks", parseJwks(jwks)));
        client.accessTokenSigningAlgorithm().ifPresent(alg -> json.put("access_token_signed_response_alg", alg.jwsName()));
        client.idTokenSigningAlgorithm().ifPresent(alg -> json.put("id_token_signed_response_alg", alg.jwsName()));
        client.authSigningAlgorithm().ifPresent(alg -> json.put("token_endpoint_auth_signing_alg", alg.jwsName()));
        json.put("access_token_lifetime", client.lifetimes().accessToken().toSeconds());
        json.put("refresh_token_lifetime", client.lifetimes().refreshToken().toSeconds());
        json.put("refresh_token_idle_lifetime", client.lifetimes().refreshTokenIdle().toSeconds());
        json.put("access_token_format", client.accessTokenFormat().value());
        json.put("first_party", client.firstParty());
        json.put("allow_pkce_plain", client.pkcePlainAllowed());
        return json;
    }

    private static ClientSecret secret(String value, ClientAuthenticationMethod method) {
        int min = method == ClientAuthenticationMethod.CLIENT_SECRET_JWT ? MIN_JWT_SECRET_LENGTH : MIN_SECRET_LENGTH;
        if (value.length() < min || value.length() > ClientSecret.MAX_LENGTH) {
            throw invalid("The field client_secret must be " + min + " to " + ClientSecret.MAX_LENGTH
                    + " characters for token_endpoint_auth_method " + method.value() + ".");
        }
        return new ClientSecret(value);
    }

    /** RFC 7591 §2, OIDC Registration §2: https; plain http only on a loopback host. */
    private static URI jwksUri(String value) {
        URI uri = uri("jwks_uri", value, StandardErrorCode.INVALID_CLIENT_METADATA);
        String host = uri.getHost();
        boolean https = "https".equals(uri.getScheme()) && host != null;
        boolean loopbackHttp = "http".equals(uri.getScheme()) && host != null
                && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
        if (!https && !loopbackHttp) {
            throw invalid("The field jwks_uri must be an https URL.");
        }
        return uri;
    }

    private static Set<GrantType> grantTypes(Map<String, Object> json) {
        Set<GrantType> types = new LinkedHashSet<>();
        for (String value : texts(json, "grant_types")) {
            types.add(GrantType.parse(value).orElseThrow(() -> invalid(
                    "The field grant_types has an unknown grant type; custom grant types are absolute URIs.")));
        }
        return types;
    }

    private static List<URI> uris(Map<String, Object> json, String name, StandardErrorCode code) {
        List<URI> uris = new ArrayList<>();
        for (String value : texts(json, name)) {
            uris.add(uri(name, value, code));
        }
        return uris;
    }

    private static URI uri(String name, String value, StandardErrorCode code) {
        try {
            URI uri = new URI(value);
            if (uri.isAbsolute()) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new OAuthException(new OAuthError(code, "The field " + name + " must hold absolute URIs."),
                "metadata " + name + " not an absolute URI");
    }

    private static SigningAlgorithm algorithm(String name, String value) {
        return SigningAlgorithm.fromJwsName(value)
                .orElseThrow(() -> invalid("The field " + name + " names an unknown algorithm."));
    }

    /** RFC 7591 §2: jwks is a JWK Set document, an object with a keys array (RFC 7517 §5). */
    private static Optional<String> jwks(Map<String, Object> json) {
        Object value = json.get("jwks");
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> set) || !(set.get("keys") instanceof List<?>)) {
            throw invalid("The field jwks must be a JWK set: an object with a keys array.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) set;
        String text = JSONObjectUtils.toJSONString(object);
        try {
            // A client's registered keys are public: a private key never belongs to the server.
            if (JWKSet.parse(text).getKeys().stream().anyMatch(JWK::isPrivate)) {
                throw invalid("The field jwks must hold public keys only.");
            }
        } catch (ParseException e) {
            throw invalid("The field jwks is not a valid JWK set (RFC 7517 section 5).");
        }
        return Optional.of(text);
    }

    private static Object parseJwks(String jwks) {
        try {
            return JSONObjectUtils.parse(jwks);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored client has a jwks that is not JSON", e);
        }
    }

    private static TokenLifetimes lifetimes(Map<String, Object> json, TokenLifetimes defaults) {
        Duration access = seconds(json, "access_token_lifetime").orElse(defaults.accessToken());
        Duration absolute = seconds(json, "refresh_token_lifetime").orElse(defaults.refreshToken());
        Duration idle = seconds(json, "refresh_token_idle_lifetime").orElse(absolute);
        if (idle.compareTo(absolute) > 0) {
            throw invalid("The field refresh_token_idle_lifetime must not exceed refresh_token_lifetime.");
        }
        try {
            return new TokenLifetimes(access, absolute, defaults.authorizationCode(), idle);
        } catch (IllegalArgumentException e) {
            throw invalid("The token lifetimes are not valid: " + OAuthError.descriptionText(e.getMessage()) + ".");
        }
    }

    private static Optional<Duration> seconds(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number) || number.longValue() < 1 || number.doubleValue() != number.longValue()) {
            throw invalid("The field " + name + " must be a whole number of seconds, at least 1.");
        }
        return Optional.of(Duration.ofSeconds(number.longValue()));
    }

    private static Optional<String> text(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw invalid("The field " + name + " must be a string.");
        }
        return Optional.of(text);
    }

    private static List<String> texts(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw invalid("The field " + name + " must be an array of strings.");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static Optional<Boolean> bool(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Boolean bool)) {
            throw invalid("The field " + name + " must be true or false.");
        }
        return Optional.of(bool);
    }

    private static OAuthException invalid(String description) {
        return OAuthException.of(StandardErrorCode.INVALID_CLIENT_METADATA, description);
    }
}
