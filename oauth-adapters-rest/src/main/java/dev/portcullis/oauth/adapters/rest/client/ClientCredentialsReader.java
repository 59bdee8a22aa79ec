package dev.portcullis.oauth.adapters.rest.client;

import dev.portcullis.oauth.application.client.ClientAssertion;
import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.application.grant.TokenEndpointRequest;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the client credentials of a token request (RFC 6749 §2.3): the {@code Authorization: Basic}
 * header, or {@code client_id} with {@code client_secret} in the body, or a JWT assertion in
 * {@code client_assertion} with {@code client_assertion_type} (RFC 7521 §4.2, RFC 7523 §2.2), or
 * {@code client_id} alone for a public client. Whether they are right is the use case's decision. Stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3">RFC 6749 §2.3</a>
 */
public final class ClientCredentialsReader {

    private static final String CLIENT_ID = "client_id";
    private static final String CLIENT_SECRET = "client_secret";
    private static final String CLIENT_ASSERTION = "client_assertion";
    private static final String CLIENT_ASSERTION_TYPE = "client_assertion_type";

    private ClientCredentialsReader() {
    }

    /**
     * The request of an endpoint where clients authenticate (token, introspection, revocation):
     * {@code form} with the credentials of the request's {@code Authorization} headers and form
     * ({@link #read(List, Map)}, whose refusals it throws).
     */
    public static TokenEndpointRequest request(HttpHeaders headers, Map<String, String> form) {
        List<String> authorization = Optional.ofNullable(headers.getRequestHeader(HttpHeaders.AUTHORIZATION))
                .orElse(List.of());
        return new TokenEndpointRequest(form, read(authorization, form));
    }

    /**
     * Reads the credentials.
     *
     * @param authorization the values of the {@code Authorization} header, empty when absent
     * @param form          the parsed body parameters
     * @return the credentials; empty when the client presented none
     * @throws OAuthException {@code invalid_request} when the client used more than one method, sent a
     *                        {@code client_id} differing from its Basic header, repeated the header, or
     *                        sent a secret without an id, or a {@code client_assertion_type} without
     *                        an assertion; {@code invalid_client} when the header, the body
     *                        credentials or the assertion are malformed
     */
    public static Optional<ClientCredentials> read(List<String> authorization, Map<String, String> form) {
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(form, "form");
        if (authorization.size() > 1) {
            throw OAuthException.of(StandardErrorCode.INVALID_REQUEST, "The Authorization header is repeated.");
        }
        boolean header = !authorization.isEmpty();
        int methods = (header ? 1 : 0) + (form.containsKey(CLIENT_SECRET) ? 1 : 0)
                + (form.containsKey(CLIENT_ASSERTION) ? 1 : 0);
        // RFC 6749 §2.3: "The client MUST NOT use more than one authentication method in each request."
        if (methods > 1) {
            throw OAuthException.of(StandardErrorCode.INVALID_REQUEST,
                    "The client used more than one authentication method.");
        }
        if (form.containsKey(CLIENT_ASSERTION_TYPE) && !form.containsKey(CLIENT_ASSERTION)) {
            throw OAuthException.of(StandardErrorCode.INVALID_REQUEST, "The client_assertion parameter is missing.");
        }
        if (header) {
            return Optional.of(fromHeader(authorization.get(0), form.get(CLIENT_ID)));
        }
        if (form.containsKey(CLIENT_ASSERTION)) {
            // RFC 7521 §4.2: client_id is optional beside an assertion; when sent it must name the same client.
            return Optional.of(new ClientCredentials.JwtAssertion(ClientAssertion.parse(
                    Optional.ofNullable(form.get(CLIENT_ASSERTION_TYPE)), form.get(CLIENT_ASSERTION),
                    Optional.ofNullable(form.get(CLIENT_ID)))));
        }
        return fromBody(form.get(CLIENT_ID), form.get(CLIENT_SECRET));
    }

    private static ClientCredentials fromHeader(String header, String bodyClientId) {
        ClientCredentials.SecretBasic basic = BasicAuthorization.parse(header);
        // A client_id in the body beside Basic is redundant; tolerated only when it names the same client.
        if (bodyClientId != null && !bodyClientId.equals(basic.clientId().value())) {
            throw new OAuthException(new OAuthError(StandardErrorCode.INVALID_REQUEST,
                    "The client_id parameter does not match the Authorization header."),
                    "client_id in the body differs from the Basic client id " + basic.clientId());
        }
        return basic;
    }

    private static Optional<ClientCredentials> fromBody(String clientId, String clientSecret) {
        if (clientId == null) {
            if (clientSecret != null) {
                throw OAuthException.of(StandardErrorCode.INVALID_REQUEST, "The client_id parameter is missing.");
            }
            return Optional.empty();
        }
        if (!ClientId.isValid(clientId)) {
            throw refused("client_id in the body is not a valid client_id");
        }
        ClientId id = new ClientId(clientId);
        if (clientSecret == null) {
            return Optional.of(new ClientCredentials.PublicClient(id));
        }
        if (clientSecret.length() > ClientSecret.MAX_LENGTH) {
            throw refused("client_secret of client " + id + " is longer than " + ClientSecret.MAX_LENGTH);
        }
        return Optional.of(new ClientCredentials.SecretPost(id, new ClientSecret(clientSecret)));
    }

    private static OAuthException refused(String detail) {
        return new OAuthException(new OAuthError(StandardErrorCode.INVALID_CLIENT, "Client authentication failed."),
                detail);
    }
}
