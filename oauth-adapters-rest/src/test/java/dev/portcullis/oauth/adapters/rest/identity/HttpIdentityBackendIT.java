package dev.portcullis.oauth.adapters.rest.identity;

import static dev.portcullis.oauth.adapters.rest.identity.FakeIdentityService.json;
import static dev.portcullis.oauth.adapters.rest.identity.FakeIdentityService.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.portcullis.oauth.adapters.rest.CapturedLog;
import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.UserClaims;
import dev.portcullis.oauth.domain.user.Username;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HttpIdentityBackendIT {

    private static final Username ALICE = new Username("alice");
    private static final Password PASSWORD = new Password("correct horse battery staple");
    private static final Subject SUB = new Subject("248289761001");
    private static final String ALICE_JSON =
            "{\"sub\":\"248289761001\",\"claims\":{\"name\":\"Alice\",\"email_verified\":true,\"age\":7}}";
    private static final String AUTHENTICATE = "POST /authenticate";
    private static final String LOOKUP = "GET /users/";

    private final FakeIdentityService service = new FakeIdentityService();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

    @AfterEach
    void stopService() {
        service.close();
    }

    @Test
    void verifyPasswordWhenServiceAcceptsThenSubjectAndClaims() {
        service.on(AUTHENTICATE, json(200, ALICE_JSON));

        Optional<UserClaims> user = backend(settings()).verifyPassword(ALICE, PASSWORD);

        assertEquals(Optional.of(new UserClaims(SUB, Map.of("name", "Alice", "email_verified", true, "age", 7))), user);
    }

    @Test
    void verifyPasswordWhenCalledThenContractRequestWithConfiguredAuthorization() {
        service.on(AUTHENTICATE, json(200, ALICE_JSON));

        backend(settings().authorization("Bearer s3rvice-token")).verifyPassword(ALICE, PASSWORD);

        FakeIdentityService.Received request = service.received().get(0);
        assertEquals("{\"username\":\"alice\",\"password\":\"correct horse battery staple\"}", request.body());
        assertEquals(List.of("Bearer s3rvice-token"), request.headers().get("Authorization"));
        assertEquals(List.of("application/json"), request.headers().get("Content-type"));
    }

    @Test
    void verifyPasswordWhen401ThenEmpty() {
        service.on(AUTHENTICATE, status(401));

        Optional<UserClaims> user = backend(settings()).verifyPassword(ALICE, PASSWORD);

        assertEquals(Optional.empty(), user);
    }

    @Test
    void verifyPasswordWhen404ThenEmpty() {
        service.on(AUTHENTICATE, json(404, "{\"error\":\"no such user\"}"));

        Optional<UserClaims> user = backend(settings()).verifyPassword(ALICE, PASSWORD);

        assertEquals(Optional.empty(), user);
    }

    @Test
    void verifyPasswordWhen500ThenServiceUnavailable() {
        service.on(AUTHENTICATE, status(500));

        ServiceUnavailableException thrown = assertThrows(ServiceUnavailableException.class,
                () -> backend(settings()).verifyPassword(ALICE, PASSWORD));

        assertEquals("identity backend unavailable", thrown.getMessage());
        assertEquals("POST /authenticate answered status 500", thrown.getCause().getMessage());
    }

    @Test
    void verifyPasswordWhen403ThenServiceUnavailable() { // a refused Authorization is an outage, not a wrong password
        service.on(AUTHENTICATE, status(403));

        assertThrows(ServiceUnavailableException.class, () -> backend(settings()).verifyPassword(ALICE, PASSWORD));
    }

    @Test
    void verifyPasswordWhenRedirectThenServiceUnavailableAndNotFollowed() {
        service.on(AUTHENTICATE, exchange -> {
            exchange.getResponseHeaders().set("Location", "/idp/users/x");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });

        assertThrows(ServiceUnavailableException.class, () -> backend(settings()).verifyPassword(ALICE, PASSWORD));
        assertEquals(1, service.received().size());
    }

    @Test
    void verifyPasswordWhenMalformedJsonThenServiceUnavailable() {
        service.on(AUTHENTICATE, json(200, "{\"sub\": \"248289761001\", \"claims\": {"));

        ServiceUnavailableException thrown = assertThrows(ServiceUnavailableException.class,
                () -> backend(settings()).verifyPassword(ALICE, PASSWORD));

        assertEquals("identity response is not a JSON object", thrown.getCause().getMessage());
    }

    @Test
    void verifyPasswordWhenBodyOverLimitThenServiceUnavailable() {
        String huge = "{\"sub\":\"a\",\"claims\":{\"x\":\"" + "x".repeat(HttpIdentityBackend.MAX_BODY_BYTES) + "\"}}";
        service.on(AUTHENTICATE, json(200, huge));

        assertThrows(ServiceUnavailableException.class, () -> backend(settings()).verifyPassword(ALICE, PASSWORD));
    }

    @Test
    void verifyPasswordWhenSlowerThanTimeoutThenServiceUnavailable() {
        service.on(AUTHENTICATE, service.hang(json(200, ALICE_JSON)));
        HttpIdentityBackend backend = backend(settings().timeout(Duration.ofMillis(200)));

        assertThrows(ServiceUnavailableException.class, () -> backend.verifyPassword(ALICE, PASSWORD));
    }

    @Test
    void verifyPasswordWhenServiceNotListeningThenServiceUnavailable() {
        HttpIdentityBackend backend = backend(settings());
        service.close();

        assertThrows(ServiceUnavailableException.class, () -> backend.verifyPassword(ALICE, PASSWORD));
    }

    @Test
    void verifyPasswordWhen500ThenNotRetried() {
        service.on(AUTHENTICATE, status(500));

        assertThrows(ServiceUnavailableException.class,
                () -> backend(settings().retry(3, Duration.ofMillis(1))).verifyPassword(ALICE, PASSWORD));

        assertEquals(1, service.hits(AUTHENTICATE));
    }

    @Test
    void claimsWhen500ThenRetriedUpToTheAttempts() {
        service.on(LOOKUP, status(500));

        assertThrows(ServiceUnavailableException.class,
                () -> backend(settings().retry(3, Duration.ofMillis(1))).claims(SUB));

        assertEquals(3, service.hits(LOOKUP));
    }

    @Test
    void claimsWhenFirstAttemptFailsThenSecondAnswers() {
        service.on(LOOKUP, exchange -> (service.hits(LOOKUP) == 1 ? status(503) : json(200, ALICE_JSON)).write(exchange));

        Optional<UserClaims> user = backend(settings().retry(3, Duration.ofMillis(1))).claims(SUB);

        assertEquals(Optional.of(SUB), user.map(UserClaims::subject));
        assertEquals(2, service.hits(LOOKUP));
    }

    @Test
    void claimsWhenSubHasReservedCharactersThenOnePercentEncodedSegment() {
        service.on(LOOKUP, json(200, "{\"sub\":\"a/b%c\",\"claims\":{\"name\":\"Bob\"}}"));

        Optional<UserClaims> user = backend(settings()).claims(new Subject("a/b%c"));

        assertEquals("GET /users/a%2Fb%25c", service.received().get(0).route());
        assertEquals(Optional.of(new Subject("a/b%c")), user.map(UserClaims::subject));
    }

    @Test
    void claimsWhenKnownThenClaims() {
        service.on(LOOKUP, json(200, ALICE_JSON));

        Optional<UserClaims> user = backend(settings()).claims(SUB);

        assertEquals(Optional.of("Alice"), user.flatMap(claims -> claims.text("name")));
        assertEquals("GET /users/248289761001", service.received().get(0).route());
    }

    @Test
    void claimsWhen404ThenEmptyAndNotRetried() {
        service.on(LOOKUP, status(404));

        Optional<UserClaims> user = backend(settings()).claims(SUB);

        assertEquals(Optional.empty(), user);
        assertEquals(1, service.hits(LOOKUP));
    }

    @Test
    void claimsWhenServiceAnswersAnotherSubThenServiceUnavailable() {
        service.on(LOOKUP, json(200, "{\"sub\":\"someone-else\"}"));

        ServiceUnavailableException thrown = assertThrows(ServiceUnavailableException.class,
                () -> backend(settings().retry(1, Duration.ofMillis(1))).claims(SUB));

        assertEquals("GET /users/{sub} answered another sub", thrown.getCause().getMessage());
    }

    @Test
    void verifyPasswordWhenFailuresReachThresholdThenCircuitOpensAndFailsFast() {
        service.on(AUTHENTICATE, status(500));
        HttpIdentityBackend backend = backend(settings().circuitBreaker(50, 2, 2, Duration.ofSeconds(30), 1));
        assertThrows(ServiceUnavailableException.class, () -> backend.verifyPassword(ALICE, PASSWORD));
        assertThrows(ServiceUnavailableException.class, () -> backend.verifyPassword(ALICE, PASSWORD));

        ServiceUnavailableException thrown = assertThrows(ServiceUnavailableException.class,
                () -> backend.verifyPassword(ALICE, PASSWORD));

        assertInstanceOf(CallNotPermittedException.class, thrown.getCause());
        assertEquals("OPEN", backend.circuitState());
        assertEquals(2, service.hits(AUTHENTICATE));
    }

    @Test
    void claimsWhenCircuitOpenThenNotRetried() {
        service.on(LOOKUP, status(500));
        HttpIdentityBackend backend = backend(settings().retry(3, Duration.ofMillis(1))
                .circuitBreaker(50, 2, 2, Duration.ofSeconds(30), 1));

        assertThrows(ServiceUnavailableException.class, () -> backend.claims(SUB));

        assertEquals("OPEN", backend.circuitState());
        assertEquals(2, service.hits(LOOKUP));
    }

    @Test
    void verifyPasswordWhenOpenWaitPassedAndServiceBackThenCircuitCloses() {
        service.on(AUTHENTICATE, status(500));
        HttpIdentityBackend backend = backend(settings().circuitBreaker(50, 2, 2, Duration.ofSeconds(30), 1));
        assertThrows(ServiceUnavailableException.class, () -> backend.verifyPassword(ALICE, PASSWORD));
        assertThrows(ServiceUnavailableException.class, () -> backend.verifyPassword(ALICE, PASSWORD));
        service.on(AUTHENTICATE, json(200, ALICE_JSON));
        clock.advance(Duration.ofSeconds(31));

        Optional<UserClaims> user = backend.verifyPassword(ALICE, PASSWORD);

        assertEquals(Optional.of(SUB), user.map(UserClaims::subject));
        assertEquals("CLOSED", backend.circuitState());
    }

    @Test
    void verifyPasswordWhenOpenWaitNotPassedThenStillOpen() {
        service.on(AUTHENTICATE, status(500));
        HttpIdentityBackend backend = backend(settings().circuitBreaker(50, 2, 2, Duration.ofSeconds(30), 1));
        assertThrows(ServiceUnavailableException.class, () -> backend.verifyPassword(ALICE, PASSWORD));
        assertThrows(ServiceUnavailableException.class, () -> backend.verifyPassword(ALICE, PASSWORD));
        service.on(AUTHENTICATE, json(200, ALICE_JSON));
        clock.advance(Duration.ofSeconds(29));

        assertThrows(ServiceUnavailableException.class, () -> backend.verifyPassword(ALICE, PASSWORD));

        assertEquals(2, service.hits(AUTHENTICATE));
    }

    @Test
    void verifyPasswordWhenBulkheadFullThenServiceUnavailableAtOnce() throws Exception {
        service.on(AUTHENTICATE, service.hang(json(200, ALICE_JSON)));
        HttpIdentityBackend backend = backend(settings().timeout(Duration.ofSeconds(20)).bulkhead(1, Duration.ZERO));
        CompletableFuture<Optional<UserClaims>> first =
                CompletableFuture.supplyAsync(() -> backend.verifyPassword(ALICE, PASSWORD));
        service.awaitHanging();

        ServiceUnavailableException thrown = assertThrows(ServiceUnavailableException.class,
                () -> backend.verifyPassword(ALICE, PASSWORD));

        assertInstanceOf(BulkheadFullException.class, thrown.getCause());
        service.release();
        assertEquals(Optional.of(SUB), first.get(20, TimeUnit.SECONDS).map(UserClaims::subject));
        assertEquals(1, service.hits(AUTHENTICATE));
    }

    @Test
    void verifyPasswordWhenLoggingAtDebugThenNoPasswordNoBodyNoAuthorization() {
        service.on(AUTHENTICATE, json(200, ALICE_JSON));
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(HttpIdentityBackend.class);
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try (CapturedLog log = CapturedLog.of(HttpIdentityBackend.class)) {

            backend(settings().authorization("Bearer s3rvice-token")).verifyPassword(ALICE, PASSWORD);

            List<String> lines = log.events().stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(List.of("identity backend accepted a password: sub=248289761001"), lines);
            assertFalse(lines.stream().anyMatch(line -> line.contains("horse") || line.contains("s3rvice")
                    || line.contains("Alice")));
        } finally {
            logger.setLevel(before);
        }
    }

    private HttpIdentityBackendSettings.Builder settings() {
        return HttpIdentityBackendSettings.builder(service.baseUri())
                .timeout(Duration.ofSeconds(5))
                .retry(3, Duration.ofMillis(1));
    }

    private HttpIdentityBackend backend(HttpIdentityBackendSettings.Builder settings) {
        return new HttpIdentityBackend(settings.build(), clock);
    }
}
