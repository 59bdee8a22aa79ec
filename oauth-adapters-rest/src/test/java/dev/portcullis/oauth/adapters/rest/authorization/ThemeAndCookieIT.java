package dev.portcullis.oauth.adapters.rest.authorization;

import static dev.portcullis.oauth.adapters.rest.authorization.BrowserFlowIT.authorizeQuery;
import static dev.portcullis.oauth.adapters.rest.authorization.BrowserFlowIT.hidden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeAndCookieIT {

    @Test
    void loginPageWhenThemeOverridesTemplateThenThemeUsedAndOthersBuiltIn(@TempDir Path theme) throws Exception {
        Files.writeString(theme.resolve("login.mustache"), "<p>ACME sign-in for {{clientName}}</p>");
        Files.writeString(theme.resolve("portcullis.css"), "body { color: purple; }");
        try (BrowserTestServer server = BrowserTestServer.themed(theme)) {
            HttpClient browser = BrowserTestServer.browser();

            HttpResponse<String> login = server.follow(browser, server.get(browser, authorizeQuery("evil", "")));
            HttpResponse<String> css = server.get(browser, "/assets/portcullis.css");
            HttpResponse<String> error = server.get(browser, "/login?request=unknown");

            assertEquals("<p>ACME sign-in for &lt;script&gt;alert(1)&lt;/script&gt;</p>", login.body());
            assertEquals("body { color: purple; }", css.body());
            assertTrue(error.body().contains("The sign-in request is unknown or has expired."), "built-in error page");
        }
    }

    @Test
    void loginWhenIssuerHttpsThenSecureCookies() throws Exception { // RFC 6265 §4.1.2.5
        try (BrowserTestServer server = BrowserTestServer.start("https://as.example.com")) {
            // The test speaks http, where a cookie jar keeps Secure cookies back: send the flow cookie by hand.
            HttpClient client = BrowserTestServer.bareClient();
            HttpResponse<String> toLogin = server.get(client, authorizeQuery("web", ""), "");
            String flowCookie = toLogin.headers().firstValue("Set-Cookie").orElseThrow();
            String flow = "portcullis_flow=" + BrowserTestServer.setCookie(toLogin, "portcullis_flow").orElseThrow();
            HttpResponse<String> login = server.get(client, pathAndQuery(toLogin), flow);

            HttpResponse<String> signedIn = server.post(client, "/login", "request=" + hidden(login.body(), "request")
                    + "&csrf_token=" + hidden(login.body(), "csrf_token") + "&username=" + BrowserTestServer.USERNAME
                    + "&password=" + URLEncoder.encode(BrowserTestServer.PASSWORD, StandardCharsets.UTF_8), flow);

            assertTrue(flowCookie.matches("portcullis_flow=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax; Secure"),
                    flowCookie);
            String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.matches("portcullis_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax; Secure"), cookie);
        }
    }

    @Test
    void authorizeWhenIssuerHttpThenFlowCookieNotSecure() throws Exception { // RFC 6265 §4.1.2.5
        try (BrowserTestServer server = BrowserTestServer.start()) {
            HttpResponse<String> toLogin = server.get(BrowserTestServer.browser(), authorizeQuery("web", ""));

            assertEquals(List.of("portcullis_flow=" + BrowserTestServer.setCookie(toLogin, "portcullis_flow").orElseThrow()
                    + "; Path=/; HttpOnly; SameSite=Lax"), toLogin.headers().allValues("Set-Cookie"));
        }
    }

    @Test
    void authorizeWhenIssuerHasPathThenCookiePathIsIt() throws Exception { // RFC 6265 §4.1.2.4
        try (BrowserTestServer server = BrowserTestServer.start("https://as.example.com/tenant-a")) {
            HttpResponse<String> toLogin = server.get(BrowserTestServer.bareClient(), authorizeQuery("web", ""), "");

            String cookie = toLogin.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.matches("portcullis_flow=[A-Za-z0-9_-]{43}; Path=/tenant-a; HttpOnly; SameSite=Lax; Secure"),
                    cookie);
            assertFalse(cookie.contains("Max-Age") || cookie.contains("Expires"), "ends with the browser session");
        }
    }

    private static String pathAndQuery(HttpResponse<String> redirect) {
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + "?" + location.getRawQuery();
    }

    @Test
    void loginWhenTwentyFailuresFromOneAddressThen429ForAnyUsername() throws Exception {
        try (BrowserTestServer server = BrowserTestServer.start()) {
            HttpClient browser = BrowserTestServer.browser();
            HttpResponse<String> login = server.follow(browser, server.get(browser, authorizeQuery("web", "")));
            String form = "request=" + hidden(login.body(), "request") + "&csrf_token=" + hidden(login.body(), "csrf_token");
            for (int i = 0; i < 20; i++) {
                assertEquals(200, server.post(browser, "/login", form + "&username=user" + i + "&password=x").statusCode());
            }

            HttpResponse<String> response = server.post(browser, "/login", form + "&username="
                    + BrowserTestServer.USERNAME + "&password=" + URLEncoder.encode(BrowserTestServer.PASSWORD, StandardCharsets.UTF_8));

            assertEquals(429, response.statusCode());
        }
    }
}
