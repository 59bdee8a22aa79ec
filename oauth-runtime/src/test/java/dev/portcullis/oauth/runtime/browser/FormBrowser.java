package dev.portcullis.oauth.runtime.browser;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript, as plain HTTP: it keeps cookies, follows the server's redirects
 * by hand, and submits the forms of the login and consent pages. For tests that need many
 * authorization codes quickly or a precise look at each response.
 */
final class FormBrowser {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Follows 3xx redirects that stay on {@code server}; returns the first response that does not. */
    HttpResponse<String> follow(HttpResponse<String> response, URI server) throws IOException, InterruptedException {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
            URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            if (!next.toString().startsWith(server.toString())) {
                return current;
            }
            current = get(next);
        }
        return current;
    }

    /**
     * Opens the login page of an authorization request of the public client {@code clientId} (PKCE
     * S256, a fixed challenge) and submits it with {@code username} and {@code password}: the answer
     * to the login form's submission.
     */
    HttpResponse<String> submitLogin(URI issuer, String clientId, URI redirect, String username, String password)
            throws IOException, InterruptedException {
        URI authorize = URI.create(issuer + "/authorize?response_type=code&client_id=" + encode(clientId) + "&state=s"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&redirect_uri=" + encode(redirect.toString()));
        HttpResponse<String> form = follow(get(authorize), issuer);
        if (form.statusCode() != 200) {
            throw new IllegalStateException("no login page: " + form.statusCode() + " " + form.body());
        }
        return post(form.uri().resolve("login"), hiddenFields(form.body(), Map.of("username", username, "password", password)));
    }

    /** The hidden fields of the page's form, plus {@code extra}. */
    static Map<String, String> hiddenFields(String html, Map<String, String> extra) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            fields.put(matcher.group(1), unescape(matcher.group(2)));
        }
        fields.putAll(extra);
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&#61;", "=").replace("&#96;", "`").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
