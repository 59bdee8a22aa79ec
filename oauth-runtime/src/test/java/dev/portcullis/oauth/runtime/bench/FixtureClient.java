package dev.portcullis.oauth.runtime.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One confidential client of a running server, over plain HTTP/1.1 with a cookie jar: signs a user
 * in once through the login page (and the consent page, if one is shown), then asks
 * {@code /authorize} for codes with the session cookie (PKCE S256, RFC 7636), and calls
 * {@code /token} with {@code client_secret_basic}. Thread-safe once signed in. The load
 * benchmark's fixtures come from here; see {@link LoadFixtures}.
 */
final class FixtureClient {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI issuer;
    private final String clientId;
    private final String basic;
    private final String redirect;
    private final String scope;
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    /**
     * @param issuer   the server's issuer (no trailing slash)
     * @param clientId the client
     * @param secret   its secret
     * @param redirect its registered redirect URI, never called
     * @param scope    the scope to ask for
     */
    FixtureClient(URI issuer, String clientId, String secret, String redirect, String scope) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.basic = "Basic " + Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(secret))
                .getBytes(StandardCharsets.UTF_8));
        this.redirect = Objects.requireNonNull(redirect, "redirect");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** A code and the PKCE verifier its request was made with. */
    record Code(String value, String verifier) {
    }

    /**
     * Signs {@code username} in through the login page, and the consent page when it is shown.
     *
     * @return the code the sign-in ended with
     */
    Code signIn(String username, String password) throws IOException, InterruptedException {
        String verifier = verifier();
        HttpResponse<String> login = follow(get(authorizeUri(verifier)));
        if (login.statusCode() != 200 || !login.body().contains("name=\"password\"")) {
            throw new IllegalStateException("/authorize did not show the login page: status " + login.statusCode());
        }
        Map<String, String> fields = hiddenFields(login.body());
        fields.put("username", username);
        fields.put("password", password);
        HttpResponse<String> landed = follow(post(login.uri().resolve("login"), fields));
        if (landed.statusCode() == 200 && landed.body().contains("name=\"decision\"")) {
            Map<String, String> consent = hiddenFields(landed.body());
            consent.put("decision", "allow");
            landed = follow(post(landed.uri().resolve("consent"), consent));
        }
        return new Code(codeOf(landed), verifier);
    }

    /** A new code for the signed-in user: {@code /authorize} answered at once with the session cookie. */
    Code code() throws IOException, InterruptedException {
        String verifier = verifier();
        return new Code(codeOf(follow(get(authorizeUri(verifier)))), verifier);
    }

    /** Redeems {@code code} (RFC 6749 §4.1.3) and returns the refresh token of the answer. */
    String refreshToken(Code code) throws IOException, InterruptedException {
        return field(token("grant_type=authorization_code&code=" + encode(code.value()) + "&redirect_uri="
                + encode(redirect) + "&code_verifier=" + code.verifier()), "refresh_token");
    }

    /** A client_credentials access token (RFC 6749 §4.4). */
    String accessToken() throws IOException, InterruptedException {
        return field(token("grant_type=client_credentials&scope=" + encode(scope)), "access_token");
    }

    private HttpResponse<String> token(String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(issuer + "/token")).timeout(TIMEOUT)
                .header("Authorization", basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI authorizeUri(String verifier) {
        return URI.create(issuer + "/authorize?response_type=code&client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(redirect) + "&scope=" + encode(scope) + "&state=bench"
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256");
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Follows redirects that stay on the server; returns the first answer that does not. */
    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
            URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            if (!next.toString().startsWith(issuer.toString())) {
                return current;
            }
            current = get(next);
        }
        return current;
    }

    private String codeOf(HttpResponse<String> landed) {
        String location = landed.headers().firstValue("Location").orElse("");
        Matcher matcher = CODE.matcher(location);
        if (landed.statusCode() / 100 != 3 || !location.startsWith(redirect) || !matcher.find()) {
            // The location may hold an error code and description, never a secret.
            throw new IllegalStateException("/authorize did not redirect with a code: status " + landed.statusCode()
                    + " " + location.replaceAll("code=[^&]*", "code=…"));
        }
        return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    }

    private static String field(HttpResponse<String> response, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("/token answered " + response.statusCode() + " without " + name + ": "
                    + response.body().replaceAll("\"[a-z_]*token\"\\s*:\\s*\"[^\"]*\"", "\"…\""));
        }
        return matcher.group(1);
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            fields.put(matcher.group(1), unescape(matcher.group(2)));
        }
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&#61;", "=").replace("&#96;", "`").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private String verifier() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            // RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))).
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
