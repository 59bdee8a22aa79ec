package dev.portcullis.oauth.runtime.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.runtime.config.RuntimeSettings;
import dev.portcullis.oauth.runtime.config.SettingsLoader;
import dev.portcullis.oauth.runtime.server.FreePorts;
import dev.portcullis.oauth.runtime.server.PortcullisServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-address sign-in limit on the real server: the runtime tells the login page the address of
 * the TCP connection, so sign-ins under different usernames from one address share one budget. The
 * server's clock stands still, so no permit comes back during the test.
 */
class LoginAddressLimitIT {

    private static final URI REDIRECT = URI.create("https://portal.example.com/callback");

    @TempDir
    static Path dir;

    private static PortcullisServer server;
    private static URI issuer;

    @BeforeAll
    static void start() throws Exception {
        int port = FreePorts.next();
        Path config = Files.writeString(dir.resolve("portcullis.yaml"), """
                scopes:
                  - name: orders:read
                    description: Read your orders
                clients:
                  - client_id: portal
                    token_endpoint_auth_method: none
                    grant_types: [authorization_code]
                    redirect_uris: ["%s"]
                    scope: orders:read
                """.formatted(REDIRECT));
        RuntimeSettings settings = new SettingsLoader(Map.of(
                "PORTCULLIS_HTTP_PORT", Integer.toString(port),
                "PORTCULLIS_ISSUER", "http://127.0.0.1:" + port,
                "PORTCULLIS_DB_URL", "jdbc:h2:mem:login-address;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "PORTCULLIS_DATA_DIR", dir.resolve("data").toString(),
                "PORTCULLIS_LOGIN_RATE_LIMIT_USER", "100",
                "PORTCULLIS_LOGIN_RATE_LIMIT_ADDRESS", "2")).load(config);
        server = PortcullisServer.start(settings, Clock.fixed(Instant.now(), ZoneOffset.UTC), List.of());
        issuer = settings.issuer();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void loginWhenAddressOverItsLimitThen429WhateverTheUsername() throws Exception { // RFC 6585 §4
        assertEquals(200, login("carol").statusCode());
        assertEquals(200, login("dave").statusCode());

        HttpResponse<String> limited = login("erin");

        assertEquals(429, limited.statusCode());
        assertTrue(limited.headers().firstValue("Retry-After").isPresent());
        assertTrue(limited.body().contains("Too many sign-in attempts. Please wait a moment and try again."),
                limited.body());
    }

    private static HttpResponse<String> login(String username) throws Exception {
        return new FormBrowser().submitLogin(issuer, "portal", REDIRECT, username, "not-a-password");
    }
}
