package dev.portcullis.oauth.adapters.rest.authorization;

import static dev.portcullis.oauth.adapters.rest.authorization.BrowserFlowIT.authorizeQuery;
import static dev.portcullis.oauth.adapters.rest.authorization.BrowserFlowIT.hidden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void loginWhenIssuerHttpsThenSecureCookie() throws Exception { // RFC 6265 §4.1.2.5
        try (BrowserTestServer server = BrowserTestServer.start("https://as.example.com")) {
            HttpClient browser = BrowserTestServer.browser();
            HttpResponse<String> login = server.follow(browser, server.get(browser, authorizeQuery("web", "")));

            HttpResponse<String> signedIn = server.post(browser, "/login", "request=" + hidden(login.body(), "request")
                    + "&csrf_token=" + hidden(login.body(), "csrf_token") + "&username=" + BrowserTestServer.USERNAME
                    + "&password=" + URLEncoder.encode(BrowserTestServer.PASSWORD, StandardCharsets.UTF_8));

            String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.matches("portcullis_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax; Secure"), cookie);
        }
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
