package dev.portcullis.oauth.application.authorization;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.user.ClaimsRequest;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code claims} request parameter (OIDC Core §5.5): a JSON object whose optional
 * members {@code userinfo} and {@code id_token} map claim names to {@code null} or to an object with
 * {@code essential} (a boolean), {@code value} or {@code values} (an array). Members other than
 * these are ignored, as are claims the server cannot represent; anything not of this shape is
 * {@code invalid_request}. Stateless.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ClaimsParameter">OIDC Core §5.5</a>
 */
final class ClaimsParameter {

    /** The longest parameter read; a request for every standard claim with values fits easily. */
    static final int MAX_LENGTH = 4096;
    /** The most claims one member may name. */
    static final int MAX_CLAIMS = 64;

    static final String MALFORMED = "The claims parameter is malformed.";

    private ClaimsParameter() {
    }

    /**
     * The request in {@code value}; {@link ClaimsRequest#NONE} without one, or when the request is
     * not an OpenID Connect one (the parameter only has meaning there, OIDC Core §5.5).
     *
     * @throws OAuthException {@code invalid_request} when it is not JSON of the §5.5 shape, too long,
     *         or names different {@code sub} values
     */
    static ClaimsRequest parse(Optional<String> value, boolean openId) {
        if (value.isEmpty() || !openId) {
            return ClaimsRequest.NONE;
        }
        if (value.get().length() > MAX_LENGTH) {
            throw malformed();
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(value.get());
        } catch (ParseException e) {
            throw malformed();
        }
        Set<String> subjects = new LinkedHashSet<>();
        Set<String> userinfo = member(json, "userinfo", subjects);
        Set<String> idToken = member(json, "id_token", subjects);
        if (subjects.size() > 1) {
            throw malformed();
        }
        return ClaimsRequest.of(userinfo, idToken, subjects.stream().findFirst());
    }

    private static Set<String> member(Map<String, Object> json, String name, Set<String> subjects) {
        Object member = json.get(name);
        if (member == null) {
            return Set.of();
        }
        if (!(member instanceof Map<?, ?> claims) || claims.size() > MAX_CLAIMS) {
            throw malformed();
        }
        Set<String> names = new LinkedHashSet<>();
        for (Map.Entry<?, ?> claim : claims.entrySet()) {
            String claimName = (String) claim.getKey();
            Object request = claim.getValue();
            if (request != null) {
                if (!(request instanceof Map<?, ?> options)) {
                    throw malformed();
                }
                requireOptionShapes(options);
                // §5.5.1: a requested sub value names the only user the answer may be about.
                if ("sub".equals(claimName) && options.get("value") != null) {
                    if (!(options.get("value") instanceof String subject) || subject.isEmpty()) {
                        throw malformed();
                    }
                    subjects.add(subject);
                }
            }
            names.add(claimName);
        }
        return names;
    }

    private static void requireOptionShapes(Map<?, ?> options) {
        Object essential = options.get("essential");
        if (essential != null && !(essential instanceof Boolean)) {
            throw malformed();
        }
        Object values = options.get("values");
        if (values != null && !(values instanceof List<?>)) {
            throw malformed();
        }
    }

    private static OAuthException malformed() {
        return OAuthException.of(StandardErrorCode.INVALID_REQUEST, MALFORMED);
    }
}
