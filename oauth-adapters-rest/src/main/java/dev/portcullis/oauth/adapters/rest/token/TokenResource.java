package dev.portcullis.oauth.adapters.rest.token;

import dev.portcullis.oauth.adapters.rest.client.ClientCredentialsReader;
import dev.portcullis.oauth.adapters.rest.form.FormBodyReader;
import dev.portcullis.oauth.adapters.rest.json.JsonBody;
import dev.portcullis.oauth.adapters.rest.limit.RateLimitedException;
import dev.portcullis.oauth.adapters.rest.limit.RequestRateLimiter;
import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.application.grant.IssueToken;
import dev.portcullis.oauth.application.grant.TokenEndpointRequest;
import dev.portcullis.oauth.domain.token.TokenResponse;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The token endpoint, {@code POST /token} (RFC 6749 §3.2): refuses a wrong content type, an
 * oversized body and repeated parameters, finds the client credentials, calls {@link IssueToken}
 * and writes the RFC 6749 §5.1 response. Refusals are thrown and written by the error mappers.
 * With a per-client rate limit, a client over it gets 429 and {@code Retry-After} (RFC 6585 §4).
 * Thread-safe.
 *
 * <p>No {@code @Consumes}: every content type reaches this method, so that a wrong one is answered
 * with an OAuth {@code invalid_request} body instead of Jersey's 415.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 */
@Path("token")
public final class TokenResource {

    private final IssueToken issueToken;
    private final FormBodyReader forms;
    private final Optional<RequestRateLimiter> perClient;

    /**
     * @param issueToken the use case
     * @param forms      reads the form body within its size limit
     */
    public TokenResource(IssueToken issueToken, FormBodyReader forms) {
        this(issueToken, forms, Optional.empty());
    }

    /**
     * A token endpoint that limits the requests of each {@code client_id}.
     *
     * @param perClient the buckets, keyed by the {@code client_id} the request names
     */
    public TokenResource(IssueToken issueToken, FormBodyReader forms, RequestRateLimiter perClient) {
        this(issueToken, forms, Optional.of(perClient));
    }

    private TokenResource(IssueToken issueToken, FormBodyReader forms, Optional<RequestRateLimiter> perClient) {
        this.issueToken = Objects.requireNonNull(issueToken, "issueToken");
        this.forms = Objects.requireNonNull(forms, "forms");
        this.perClient = perClient;
    }

    /** Serves one token request; see the class comment. */
    @POST
    public Response token(@Context HttpHeaders headers, InputStream body) {
        TokenEndpointRequest request = ClientCredentialsReader.request(headers, forms.read(headers, body));
        Optional<ClientCredentials> credentials = request.credentials();
        // Limited by the client_id the request names, before any database or hashing work; a request
        // without one is refused by client authentication anyway.
        if (perClient.isPresent() && credentials.isPresent()) {
            Optional<Duration> wait = perClient.get().acquire(credentials.get().clientId().value());
            if (wait.isPresent()) {
                throw new RateLimitedException(wait.get());
            }
        }
        TokenResponse response = issueToken.issue(request);
        // RFC 6749 §5.1: the response carries Cache-Control: no-store and Pragma: no-cache.
        return Response.ok(JsonBody.of(body(response)), JsonBody.JSON_UTF8)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    private static Map<String, Object> body(TokenResponse response) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("access_token", response.accessToken().value());
        json.put("token_type", response.tokenType());
        json.put("expires_in", response.expiresIn().toSeconds());
        if (!response.scope().isEmpty()) {
            json.put("scope", response.scope().toParameter());
        }
        response.refreshToken().ifPresent(token -> json.put("refresh_token", token.value()));
        // OIDC Core §3.1.3.3: the ID token of an OpenID Connect grant.
        response.idToken().ifPresent(token -> json.put("id_token", token.value()));
        return json;
    }
}
