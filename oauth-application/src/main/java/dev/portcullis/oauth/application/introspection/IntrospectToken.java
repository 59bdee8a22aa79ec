package dev.portcullis.oauth.application.introspection;

import dev.portcullis.oauth.application.client.AuthenticatedClient;
import dev.portcullis.oauth.application.client.ClientAuthenticator;
import dev.portcullis.oauth.application.grant.TokenEndpointRequest;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.application.token.ResourceIndicators;
import dev.portcullis.oauth.application.userinfo.ValidatedAccessToken;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.port.TokenSigner;
import dev.portcullis.oauth.domain.resource.ResourceServer;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenResponse;
import dev.portcullis.oauth.domain.token.TokenValue;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The introspection endpoint (RFC 7662): tells an authenticated client whether a token is active
 * and what it stands for. Thread-safe.
 *
 * <p>Only confidential clients may call it (RFC 7662 §2.1: the endpoint MUST require
 * authorization; §4: to stop token scanning). A caller sees a token that was issued to it, and an
 * access token whose {@code aud} names a resource server the caller is registered to introspect
 * for; of a refresh token, only its own client. Everything else (expired, revoked, used, unknown,
 * malformed, signed by a key the server does not have, or not the caller's to see) is
 * {@code {"active": false}} and nothing more (RFC 7662 §2.2).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662">RFC 7662</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9701">RFC 9701</a>
 */
public final class IntrospectToken {

    /** RFC 9701 §5: the {@code typ} header of a JWT introspection response. */
    public static final String JWT_RESPONSE_TYPE = "token-introspection+jwt";

    private static final Logger LOG = LoggerFactory.getLogger(IntrospectToken.class);

    private final ClientAuthenticator authenticator;
    private final TokenLookup tokens;
    private final ResourceIndicators resources;
    private final ServerSettings settings;
    private final TokenSigner signer;
    private final Clock clock;

    /**
     * @param authenticator authenticates the caller as at the token endpoint
     * @param tokens        finds the presented token
     * @param resources     which resource servers the caller introspects for
     * @param settings      the issuer, and the algorithm that signs JWT responses
     * @param signer        signs JWT responses (RFC 9701)
     * @param clock         the source of "now" for refresh token expiry and {@code iat}
     */
    public IntrospectToken(ClientAuthenticator authenticator, TokenLookup tokens, ResourceIndicators resources,
                           ServerSettings settings, TokenSigner signer, Clock clock) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.resources = Objects.requireNonNull(resources, "resources");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Introspects the {@code token} parameter of {@code request}.
     *
     * @throws OAuthException {@code invalid_client} when the caller is not an authenticated
     *                        confidential client; {@code invalid_request} when {@code token} is missing
     */
    public Introspection introspect(TokenEndpointRequest request) {
        Objects.requireNonNull(request, "request");
        AuthenticatedClient caller = Callers.authenticate(authenticator, request);
        // RFC 7662 §2.1: the endpoint MUST require some form of authorization; a public client has none.
        if (!caller.registration().isConfidential()) {
            throw new OAuthException(new OAuthError(StandardErrorCode.INVALID_CLIENT, "Client authentication failed."),
                    "public client " + caller.registration().id() + " may not introspect");
        }
        TokenValue value = Callers.token(request);
        ClientId id = caller.registration().id();
        Optional<PresentedToken> found = tokens.find(value, Callers.hint(request));
        Introspection answer = found.flatMap(token -> describe(token, id)).orElseGet(() -> Introspection.inactive(id));
        LOG.debug("token introspected: client_id={} active={}", id, answer.active());
        return answer;
    }

    /**
     * The answer as a signed JWT (RFC 9701 §5): {@code iss} this server, {@code aud} the caller,
     * {@code iat} now, and the answer under {@code token_introspection}; typ
     * {@value #JWT_RESPONSE_TYPE}, signed with the server's default algorithm.
     */
    public String signed(Introspection introspection) {
        Objects.requireNonNull(introspection, "introspection");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", settings.issuer().toString());
        claims.put("aud", introspection.caller().value());
        claims.put("iat", Instant.now(clock).getEpochSecond());
        claims.put("token_introspection", introspection.response());
        return signer.sign(settings.signingAlgorithm(), JWT_RESPONSE_TYPE, claims);
    }

    private Optional<Introspection> describe(PresentedToken token, ClientId caller) {
        if (token instanceof PresentedToken.Access access) {
            return visible(access.token(), caller) ? Optional.of(describe(access.token(), caller)) : Optional.empty();
        }
        RefreshToken refresh = ((PresentedToken.Refresh) token).token();
        // A refresh token is for its own client alone (RFC 6749 §10.4); used, revoked or expired is inactive.
        if (!refresh.clientId().equals(caller) || !refresh.isActiveAt(Instant.now(clock))) {
            return Optional.empty();
        }
        return Optional.of(describe(refresh, caller));
    }

    private boolean visible(ValidatedAccessToken token, ClientId caller) {
        if (token.clientId().equals(caller)) {
            return true;
        }
        for (ResourceServer resource : resources.current()) {
            if (resource.mayIntrospect(caller) && token.audience().contains(resource.identifier().toString())) {
                return true;
            }
        }
        return false;
    }

    /** RFC 7662 §2.2 members of an access token. */
    private Introspection describe(ValidatedAccessToken token, ClientId caller) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("active", true);
        if (!token.scope().isEmpty()) {
            response.put("scope", token.scope().toParameter());
        }
        response.put("client_id", token.clientId().value());
        response.put("token_type", TokenResponse.BEARER);
        response.put("exp", token.expiresAt().getEpochSecond());
        response.put("iat", token.issuedAt().getEpochSecond());
        token.notBefore().ifPresent(nbf -> response.put("nbf", nbf.getEpochSecond()));
        response.put("sub", token.subject());
        response.put("aud", token.audience().size() == 1 ? token.audience().get(0) : token.audience());
        response.put("iss", token.issuer());
        response.put("jti", token.tokenId());
        return new Introspection(caller, response);
    }

    /** RFC 7662 §2.2 members of a refresh token: it has no type, audience or identifier of its own. */
    private Introspection describe(RefreshToken token, ClientId caller) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("active", true);
        if (!token.scope().isEmpty()) {
            response.put("scope", token.scope().toParameter());
        }
        response.put("client_id", token.clientId().value());
        response.put("exp", token.expiresAt().getEpochSecond());
        response.put("iat", token.issuedAt().getEpochSecond());
        response.put("sub", token.subject().value());
        response.put("iss", settings.issuer().toString());
        return new Introspection(caller, response);
    }
}
