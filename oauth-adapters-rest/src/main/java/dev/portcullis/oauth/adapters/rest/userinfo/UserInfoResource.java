package dev.portcullis.oauth.adapters.rest.userinfo;

import dev.portcullis.oauth.adapters.rest.error.BearerTokenException;
import dev.portcullis.oauth.adapters.rest.form.FormBodyReader;
import dev.portcullis.oauth.adapters.rest.json.JsonBody;
import dev.portcullis.oauth.application.userinfo.GetUserInfo;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.token.TokenValue;
import dev.portcullis.oauth.domain.user.StandardClaims;
import dev.portcullis.oauth.domain.user.UserClaims;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The UserInfo endpoint, {@code GET} and {@code POST /userinfo} (OIDC Core §5.3.1): reads the bearer
 * token (RFC 6750 §2.1 header, or §2.2 form body for POST; never the query), calls {@link GetUserInfo}
 * and writes {@code {"sub": …, claims…}} as JSON with {@code Cache-Control: no-store}. Every refusal
 * is thrown as a {@link BearerTokenException}, whose mapper writes the RFC 6750 §3 challenge; an
 * Identity Backend outage is left to the 503 mapper. DPoP-bound tokens (RFC 9449) are not served.
 * Thread-safe.
 *
 * <p>No {@code @Consumes}: a POST of another content type is answered with a Bearer
 * {@code invalid_request} instead of Jersey's 415.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OIDC Core §5.3</a>
 */
@Path("userinfo")
public final class UserInfoResource {

    private final GetUserInfo userInfo;
    private final String realm;
    private final FormBodyReader forms;

    /**
     * @param userInfo the use case
     * @param realm    the protection space of the challenges, the issuer identifier
     * @param forms    reads a POST's form body within its size limit
     */
    public UserInfoResource(GetUserInfo userInfo, String realm, FormBodyReader forms) {
        this.userInfo = Objects.requireNonNull(userInfo, "userInfo");
        this.realm = Objects.requireNonNull(realm, "realm");
        this.forms = Objects.requireNonNull(forms, "forms");
    }

    /** OIDC Core §5.3.1: the token in the Authorization header. */
    @GET
    public Response get(@Context HttpHeaders headers, @Context UriInfo uri) {
        return serve(headers, uri, Map.of());
    }

    /** OIDC Core §5.3.1: the token in the Authorization header or the form body. */
    @POST
    public Response post(@Context HttpHeaders headers, @Context UriInfo uri, InputStream body) {
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        // A POST with neither a content type nor a body is a header-only request.
        if (contentType == null && headers.getLength() <= 0) {
            return serve(headers, uri, Map.of());
        }
        Map<String, String> form;
        try {
            form = forms.read(Optional.ofNullable(contentType).orElse(""), headers.getLength(), body);
        } catch (OAuthException e) {
            throw BearerTokenException.refused(realm, StandardClaims.OPENID.value(), e);
        }
        return serve(headers, uri, form);
    }

    private Response serve(HttpHeaders headers, UriInfo uri, Map<String, String> form) {
        UserClaims user;
        try {
            List<String> authorization = Optional.ofNullable(headers.getRequestHeader(HttpHeaders.AUTHORIZATION))
                    .orElse(List.of());
            TokenValue token = BearerTokenReader.read(authorization, form, uri.getQueryParameters().containsKey("access_token"))
                    .orElseThrow(() -> BearerTokenException.missing(realm, StandardClaims.OPENID.value()));
            user = userInfo.userInfo(token);
        } catch (OAuthException e) {
            throw BearerTokenException.refused(realm, StandardClaims.OPENID.value(), e);
        }
        return Response.ok(JsonBody.of(body(user)), JsonBody.JSON_UTF8)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    // OIDC Core §5.3.2: sub is always returned; the other claims in name order for stable output.
    private static Map<String, Object> body(UserClaims user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sub", user.subject().value());
        json.putAll(new TreeMap<>(user.claims()));
        return json;
    }
}
