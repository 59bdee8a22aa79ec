package dev.portcullis.oauth.application.grant;

import dev.portcullis.oauth.application.client.AuthenticatedClient;
import dev.portcullis.oauth.application.client.ClientAuthenticator;
import dev.portcullis.oauth.application.token.JwtAccessTokens;
import dev.portcullis.oauth.application.token.ResourceIndicators;
import dev.portcullis.oauth.application.token.TokenIssuer;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.UnitOfWork;
import dev.portcullis.oauth.domain.scope.ScopePolicy;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token endpoint (RFC 6749 §3.2): runs the shared checks in a fixed order, then the grant's
 * handler. Thread-safe.
 *
 * <p>Order: {@code grant_type} present; client authenticated; grant type enabled; client allowed
 * to use it; undeclared parameters dropped; {@code scope} syntax; {@code resource} (RFC 8707 §2)
 * syntax and registration; handler.
 *
 * <p>The handler, built-in or custom, runs in one {@link UnitOfWork}: what it writes (a code
 * redeemed, a refresh token used, the tokens stored) commits together when it answers or refuses,
 * and nothing of it stays when it fails otherwise (DESIGN.md "Errors and bad input").
 */
public final class IssueToken {

    private static final Logger LOG = LoggerFactory.getLogger(IssueToken.class);

    /** RFC 6749 §2.3.1 and RFC 7521 §4.2: consumed by client authentication, never by a grant. */
    private static final Set<String> CREDENTIAL_PARAMETERS =
            Set.of("client_id", "client_secret", "client_assertion", "client_assertion_type");

    /** RFC 8707 §2: the resource indicator parameter. */
    private static final String RESOURCE = "resource";

    private final ClientAuthenticator authenticator;
    private final GrantHandlerRegistry handlers;
    private final JwtAccessTokens accessTokens;
    private final ScopePolicy scopePolicy;
    private final UnitOfWork unitOfWork;

    /**
     * @param unitOfWork the transactions of the repositories the handlers and {@code accessTokens}
     *                   write to; each handler call is one unit
     */
    public IssueToken(ClientAuthenticator authenticator, GrantHandlerRegistry handlers, JwtAccessTokens accessTokens,
                      ScopePolicy scopePolicy, UnitOfWork unitOfWork) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
        this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
        this.scopePolicy = Objects.requireNonNull(scopePolicy, "scopePolicy");
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    }

    /**
     * Serves one token request.
     *
     * @return the successful response (RFC 6749 §5.1)
     * @throws OAuthException with the RFC 6749 §5.2 error that refuses the request
     */
    public TokenResponse issue(TokenEndpointRequest request) {
        Objects.requireNonNull(request, "request");
        String grantTypeValue = request.parameters().get("grant_type");
        if (grantTypeValue == null || grantTypeValue.isEmpty()) {
            throw OAuthException.of(StandardErrorCode.INVALID_REQUEST, "The grant_type parameter is missing.");
        }
        AuthenticatedClient client = authenticator.authenticate(request.credentials()
                .orElseThrow(() -> new OAuthException(new OAuthError(StandardErrorCode.INVALID_CLIENT,
                        "Client authentication failed."), "no client credentials presented")));
        GrantType grantType = GrantType.parse(grantTypeValue).orElseThrow(IssueToken::unsupportedGrantType);
        GrantHandler handler = handlers.find(grantType).orElseThrow(IssueToken::unsupportedGrantType);
        if (!client.registration().mayUse(grantType)) {
            throw new OAuthException(new OAuthError(StandardErrorCode.UNAUTHORIZED_CLIENT,
                    "The client is not allowed to use this grant_type."),
                    "client " + client.registration().id() + " may not use " + grantType);
        }
        TokenRequest tokenRequest = new TokenRequest(grantType, scope(request.parameters()),
                declared(request.parameters(), handler));
        GrantContext context = new Context(tokenRequest, client,
                accessTokens.issuerFor(client.registration(), resource(request.parameters())), scopePolicy);
        TokenResponse response = unitOfWork.inTransaction(() -> handler.handle(context));
        LOG.debug("token issued: client_id={} grant_type={}", client.registration().id(), grantType);
        return response;
    }

    private static Optional<ScopeSet> scope(Map<String, String> parameters) {
        String scope = parameters.get("scope");
        // RFC 6749 §3.1: a parameter sent without a value is treated as omitted.
        if (scope == null || scope.isEmpty()) {
            return Optional.empty();
        }
        // RFC 6749 §3.3 and §5.2: a malformed scope is invalid_scope.
        return Optional.of(ScopeSet.parse(scope).orElseThrow(() -> OAuthException.of(StandardErrorCode.INVALID_SCOPE,
                "The scope parameter is malformed.")));
    }

    /**
     * RFC 8707 §2: the resource the client wants the token for, for every grant. One value only: a
     * repeated parameter is refused before this point, which RFC 8707 permits a server to do for
     * multiple resources (§2: "the authorization server ... MAY" issue a token for several).
     */
    private static Optional<URI> resource(Map<String, String> parameters) {
        String resource = parameters.get(RESOURCE);
        // RFC 6749 §3.1: a parameter sent without a value is treated as omitted.
        if (resource == null || resource.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ResourceIndicators.parse(resource));
    }

    private static Map<String, String> declared(Map<String, String> parameters, GrantHandler handler) {
        Map<String, String> kept = new HashMap<>();
        for (String name : handler.parameters()) {
            String value = parameters.get(name);
            // Credentials never reach a handler, even one that declares them; empty means omitted (RFC 6749 §3.1).
            if (value != null && !value.isEmpty() && !CREDENTIAL_PARAMETERS.contains(name)) {
                kept.put(name, value);
            }
        }
        return kept;
    }

    private static OAuthException unsupportedGrantType() {
        return OAuthException.of(StandardErrorCode.UNSUPPORTED_GRANT_TYPE, "The grant_type is not supported.");
    }

    private record Context(TokenRequest request, AuthenticatedClient client, TokenIssuer tokens, ScopePolicy scopes)
            implements GrantContext {
    }
}
