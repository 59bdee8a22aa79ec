package dev.portcullis.oauth.adapters.rest.error;

import dev.portcullis.oauth.adapters.rest.json.JsonBody;
import dev.portcullis.oauth.domain.error.OAuthError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the RFC 6749 §5.2 error response shared by every mapper:
 * {@code {"error": ..., "error_description": ...}} with {@code Cache-Control: no-store} and
 * {@code Pragma: no-cache}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
final class ErrorResponses {

    private ErrorResponses() {
    }

    /** A response builder with {@code status} and the body of {@code error}, to add headers to. */
    static Response.ResponseBuilder of(int status, OAuthError error) {
        return Response.status(status)
                .entity(body(error))
                .type(JsonBody.JSON_UTF8)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache");
    }

    /** The JSON body of {@code error}. */
    static byte[] body(OAuthError error) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", error.code().value());
        json.put("error_description", error.description());
        return JsonBody.of(json);
    }
}
