package dev.portcullis.oauth.adapters.rest.userinfo;

import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.token.TokenValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the bearer token of a request where RFC 6750 allows it: the {@code Authorization: Bearer}
 * header (§2.1) or the {@code access_token} form parameter (§2.2), exactly one of them, and never the
 * query (§2.3, refused because URLs end up in logs and histories). Stateless.
 */
final class BearerTokenReader {

    static final String IN_QUERY = "The access token must not be sent in the query.";
    static final String MORE_THAN_ONE = "The access token must be sent in exactly one way.";
    static final String BAD_HEADER = "The Authorization header is not a valid Bearer credential.";

    /** RFC 6750 §2.1: {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final String SCHEME = "bearer";

    private BearerTokenReader() {
    }

    /**
     * The token of a request.
     *
     * @param authorization  the values of every {@code Authorization} header
     * @param form           the form body's parameters; empty for GET or no body
     * @param queryHasToken  whether the query names {@code access_token}
     * @return the token; empty when the request carries none (an Authorization header of another
     *         scheme is not a bearer token)
     * @throws OAuthException {@code invalid_request} for a token in the query, in more than one place,
     *         or a malformed Bearer header
     */
    static Optional<TokenValue> read(List<String> authorization, Map<String, String> form, boolean queryHasToken) {
        if (queryHasToken) {
            throw OAuthException.of(StandardErrorCode.INVALID_REQUEST, IN_QUERY);
        }
        if (authorization.size() > 1) {
            throw OAuthException.of(StandardErrorCode.INVALID_REQUEST, MORE_THAN_ONE);
        }
        Optional<TokenValue> header = authorization.isEmpty() ? Optional.empty() : fromHeader(authorization.get(0));
        Optional<TokenValue> body = Optional.ofNullable(form.get("access_token")).map(BearerTokenReader::fromForm);
        // RFC 6750 §2: clients MUST NOT use more than one method to transmit the token in each request.
        if (header.isPresent() && body.isPresent()) {
            throw OAuthException.of(StandardErrorCode.INVALID_REQUEST, MORE_THAN_ONE);
        }
        return header.isPresent() ? header : body;
    }

    private static Optional<TokenValue> fromHeader(String value) {
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        // RFC 9110 §11.1: the scheme is case-insensitive; another scheme carries no bearer token.
        if (!SCHEME.equals(scheme.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String token = space < 0 ? "" : value.substring(space + 1).strip();
        if (!B64TOKEN.matcher(token).matches()) {
            throw OAuthException.of(StandardErrorCode.INVALID_REQUEST, BAD_HEADER);
        }
        return Optional.of(new TokenValue(token));
    }

    private static TokenValue fromForm(String value) {
        if (value.isEmpty()) {
            throw OAuthException.of(StandardErrorCode.INVALID_REQUEST, "The access_token parameter is empty.");
        }
        return new TokenValue(value);
    }
}
