package dev.portcullis.oauth.runtime.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A confidential client of a test instance, driving the code flow over plain HTTP: a user signs
 * in through a {@link FormBrowser} for a code (PKCE S256, RFC 7636), and the client calls the
 * token endpoint with {@code client_secret_basic}. The client must be first party, so that no
 * consent page interrupts the sign-in.
 */
final class CodeFlowClient {

    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private final URI issuer;
    private final String clientId;
    private final String secret;
    private final URI redirect;
    private final String scope;

    CodeFlowClient(URI issuer, String clientId, String secret, URI redirect, String scope) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.redirect = Objects.requireNonNull(redirect, "redirect");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** Signs {@code username} in from a fresh browser and returns the code sent to the redirect URI. */
    String signInForCode(String verifier, String username, String password) throws Exception {
        return signInForCode(verifier, username, password, "");
    }

    /** The same, with extra authorization request parameters ({@code &name=value...}, already encoded). */
    String signInForCode(String verifier, String username, String password, String extraParameters) throws Exception {
        FormBrowser browser = new FormBrowser();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        URI authorize = URI.create(issuer + "/authorize?response_type=code&client_id=" + encode(clientId)
                + "&scope=" + encode(scope) + "&state=s1&code_challenge=" + challenge
                + "&code_challenge_method=S256&redirect_uri=" + encode(redirect.toString()) + extraParameters);
        HttpResponse<String> login = browser.follow(browser.get(authorize), issuer);
        assertEquals(200, login.statusCode(), login.body());
        HttpResponse<String> afterLogin = browser.post(login.uri().resolve("login"), FormBrowser.hiddenFields(login.body(),
                Map.of("username", username, "password", password)));
        HttpResponse<String> landed = browser.follow(afterLogin, issuer);
        String location = landed.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no redirect to the client: " + landed.statusCode() + " " + landed.body()));
        assertTrue(location.startsWith(redirect.toString()), location);
        assertTrue(location.contains("iss=" + encode(issuer.toString())), location);
        Matcher matcher = CODE.matcher(location);
        assertTrue(matcher.find(), location);
        return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    }

    /** Redeems {@code code} at the token endpoint (RFC 6749 §4.1.3). */
    HttpResponse<String> exchange(String code, String verifier) throws Exception {
        return token("grant_type=authorization_code&code=" + encode(code)
                + "&redirect_uri=" + encode(redirect.toString()) + "&code_verifier=" + verifier);
    }

    /** Redeems {@code refreshToken} at the token endpoint (RFC 6749 §6). */
    HttpResponse<String> refresh(String refreshToken) throws Exception {
        return token("grant_type=refresh_token&refresh_token=" + encode(refreshToken));
    }

    private HttpResponse<String> token(String form) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer + "/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
