package dev.portcullis.oauth.adapters.rest.error;

import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to a resource protected by a bearer token (RFC 6750) was refused: no token, an invalid
 * token, a token without the scope the resource needs, or a malformed request. Thrown by such a
 * resource and written by {@link BearerTokenExceptionMapper}, which adds the {@code WWW-Authenticate:
 * Bearer} challenge of RFC 6750 §3. Kept apart from {@link OAuthException} so that the same codes at
 * the token endpoint keep their RFC 6749 §5.2 form.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3">RFC 6750 §3</a>
 */
public final class BearerTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String realm;
    private final String scope;
    private final transient Optional<OAuthError> error;

    private BearerTokenException(String realm, String scope, Optional<OAuthError> error, String internalDetail) {
        super(Objects.requireNonNull(internalDetail, "internalDetail"), null, false, false);
        this.realm = requireQuotable(realm, "realm");
        this.scope = requireQuotable(scope, "scope");
        this.error = error;
    }

    /**
     * The request carried no bearer token at all: 401 with a challenge but no error code (RFC 6750 §3.1).
     *
     * @param realm the protection space, e.g. the issuer
     * @param scope the scope the resource needs, space-separated
     */
    public static BearerTokenException missing(String realm, String scope) {
        return new BearerTokenException(realm, scope, Optional.empty(), "no bearer token");
    }

    /**
     * The request was refused with {@code refusal}'s error: {@code invalid_token},
     * {@code insufficient_scope} or {@code invalid_request} (RFC 6750 §3.1).
     *
     * @param realm   the protection space, e.g. the issuer
     * @param scope   the scope the resource needs, space-separated
     * @param refusal the refusal, whose internal detail is kept for the debug log
     */
    public static BearerTokenException refused(String realm, String scope, OAuthException refusal) {
        return new BearerTokenException(realm, scope, Optional.of(refusal.error()), refusal.getMessage());
    }

    /** The protection space named in the challenge. */
    public String realm() {
        return realm;
    }

    /** The scope the resource needs, named in an {@code insufficient_scope} challenge. */
    public String scope() {
        return scope;
    }

    /** The error; empty when the request carried no token. */
    public Optional<OAuthError> error() {
        return error;
    }

    // RFC 9110 §5.6.4: the values go into quoted-strings, so quotes and backslashes are refused.
    private static String requireQuotable(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c > 0x7E || c == '"' || c == '\\')) {
            throw new IllegalArgumentException(name + " must be visible ASCII without quotes or backslashes");
        }
        return value;
    }
}
