package dev.portcullis.oauth.adapters.rest.authorization;

import static dev.portcullis.oauth.adapters.rest.authorization.BrowserFlowIT.assertPage;
import static dev.portcullis.oauth.adapters.rest.authorization.BrowserFlowIT.authorizeQuery;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The language of the login page follows {@code ui_locales} (OIDC Core §3.1.2.1). */
class UiLocalesIT {

    private static BrowserTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = BrowserTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> loginPage(String extra) {
        HttpClient browser = BrowserTestServer.browser();
        return server.follow(browser, server.get(browser, authorizeQuery("web", extra)));
    }

    @Test
    void loginPageWhenUiLocalesThenHtmlLangIsFirstTag() { // OIDC Core §3.1.2.1
        HttpResponse<String> login = loginPage("&ui_locales=fr-CA%20en");

        assertPage(login, 200);
        assertTrue(login.body().contains("<html lang=\"fr-CA\">"), login.body());
    }

    @Test
    void loginPageWhenNoUiLocalesThenHtmlLangEn() {
        HttpResponse<String> login = loginPage("");

        assertPage(login, 200);
        assertTrue(login.body().contains("<html lang=\"en\">"), login.body());
    }

    @Test
    void loginPageWhenOnlyInvalidUiLocalesThenHtmlLangEn() { // OIDC Core §3.1.2.1: a preference, never an error
        HttpResponse<String> login = loginPage("&ui_locales=%22%3E%3Cscript%3E");

        assertPage(login, 200);
        assertTrue(login.body().contains("<html lang=\"en\">"), login.body());
    }
}
