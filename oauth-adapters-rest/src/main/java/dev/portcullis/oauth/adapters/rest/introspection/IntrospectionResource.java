package dev.portcullis.oauth.adapters.rest.introspection;

import dev.portcullis.oauth.adapters.rest.client.ClientCredentialsReader;
import dev.portcullis.oauth.adapters.rest.form.FormBodyReader;
import dev.portcullis.oauth.adapters.rest.json.JsonBody;
import dev.portcullis.oauth.application.introspection.Introspection;
import dev.portcullis.oauth.application.introspection.IntrospectToken;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The introspection endpoint, {@code POST /introspect} (RFC 7662 §2): the same request checks and
 * client authentication as the token endpoint, then {@link IntrospectToken}. Answers JSON
 * (RFC 7662 §2.2), or a signed JWT (RFC 9701 §4, §5) when the caller accepts
 * {@value #JWT_MEDIA_TYPE}. Thread-safe.
 *
 * <p>No {@code @Consumes}: every content type reaches this method, so that a wrong one is answered
 * with an OAuth {@code invalid_request} body instead of Jersey's 415.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-2">RFC 7662 §2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9701#section-4">RFC 9701 §4</a>
 */
@Path("introspect")
public final class IntrospectionResource {

    /** RFC 9701 §4, §12.2: the media type of a JWT introspection response. */
    public static final String JWT_MEDIA_TYPE = "application/token-introspection+jwt";

    private static final MediaType JWT = MediaType.valueOf(JWT_MEDIA_TYPE);

    private final IntrospectToken introspectToken;
    private final FormBodyReader forms;

    /**
     * @param introspectToken the use case
     * @param forms           reads the form body within its size limit
     */
    public IntrospectionResource(IntrospectToken introspectToken, FormBodyReader forms) {
        this.introspectToken = Objects.requireNonNull(introspectToken, "introspectToken");
        this.forms = Objects.requireNonNull(forms, "forms");
    }

    /** Serves one introspection request; see the class comment. */
    @POST
    public Response introspect(@Context HttpHeaders headers, InputStream body) {
        Introspection answer = introspectToken.introspect(
                ClientCredentialsReader.request(headers, forms.read(headers, body)));
        // RFC 7662 §4: the answer must not be cached by intermediaries.
        Response.ResponseBuilder response = wantsJwt(headers)
                ? Response.ok(introspectToken.signed(answer).getBytes(StandardCharsets.US_ASCII), JWT)
                : Response.ok(JsonBody.of(answer.response()), JsonBody.JSON_UTF8);
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }

    /** RFC 9701 §4: a JWT when the caller's Accept header names its media type (with a non-zero weight). */
    private static boolean wantsJwt(HttpHeaders headers) {
        List<String> accept = Optional.ofNullable(headers.getRequestHeader(HttpHeaders.ACCEPT)).orElse(List.of());
        if (accept.isEmpty()) {
            return false;
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.getType().equalsIgnoreCase(JWT.getType()) && type.getSubtype().equalsIgnoreCase(JWT.getSubtype())
                    && !"0".equals(type.getParameters().get("q"))) {
                return true;
            }
        }
        return false;
    }
}
