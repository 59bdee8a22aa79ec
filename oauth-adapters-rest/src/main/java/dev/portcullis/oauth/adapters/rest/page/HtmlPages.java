package dev.portcullis.oauth.adapters.rest.page;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * The headers of every page: not cached ({@code Cache-Control: no-store}), never framed
 * ({@code X-Frame-Options: DENY} and CSP {@code frame-ancestors 'none'}, RFC 9700 §4.16), no
 * referrer leaking the request id or a code ({@code Referrer-Policy: no-referrer}), no script
 * except a nonce-bound one.
 */
public final class HtmlPages {

    /** The content type of every page. */
    public static final String MEDIA_TYPE = "text/html;charset=UTF-8";

    /** The CSP of pages without script. */
    public static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private HtmlPages() {
    }

    /** A page with {@code status} and the body {@code html}. */
    public static Response page(int status, String html) {
        return secured(Response.status(status), POLICY).entity(html.getBytes(StandardCharsets.UTF_8))
                .type(MEDIA_TYPE).build();
    }

    /** A page whose one inline script carries {@code scriptNonce}. */
    static Response pageWithScript(int status, String html, String scriptNonce) {
        return secured(Response.status(status), POLICY + "; script-src 'nonce-" + scriptNonce + "'")
                .entity(html.getBytes(StandardCharsets.UTF_8)).type(MEDIA_TYPE).build();
    }

    /** Adds the security headers to {@code response}. */
    static Response.ResponseBuilder secured(Response.ResponseBuilder response, String policy) {
        return response
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", policy)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
    }
}
