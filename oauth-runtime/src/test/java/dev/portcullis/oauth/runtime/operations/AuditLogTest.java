package dev.portcullis.oauth.runtime.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.event.ClientChanged;
import dev.portcullis.oauth.domain.event.ConsentChanged;
import dev.portcullis.oauth.domain.event.SignInAttempted;
import dev.portcullis.oauth.domain.event.ScopeChanged;
import dev.portcullis.oauth.domain.event.SigningKeyChanged;
import dev.portcullis.oauth.domain.event.TokenIssued;
import dev.portcullis.oauth.domain.event.TokenRevoked;
import dev.portcullis.oauth.domain.event.TokensRevoked;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.logstash.logback.argument.StructuredArgument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class AuditLogTest {

    private static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");
    private static final ClientId BILLING = new ClientId("billing");
    private static final ClientId ADMIN = new ClientId("ops");

    private final Logger logger = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };
    private final AuditLog audit = new AuditLog();

    @BeforeEach
    void capture() {
        captured.start();
        logger.addAppender(captured);
        logger.setAdditive(false);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        logger.detachAppender(captured);
        logger.setAdditive(true);
        logger.setLevel(null);
        MDC.clear();
    }

    @Test
    void publishWhenTokenIssuedThenOneInfoLineWithStructuredFieldsAndTheRequestId() {
        MDC.put("request_id", "req-1");

        audit.publish(new TokenIssued(AT, BILLING, "billing", GrantType.CLIENT_CREDENTIALS, ScopeSet.of("orders:read"),
                "jti-1"));

        ILoggingEvent line = captured.list.get(0);
        assertEquals(1, captured.list.size());
        assertEquals(Level.INFO, line.getLevel());
        assertEquals("audit event=token_issued outcome=success client_id=billing sub=billing "
                + "grant_type=client_credentials scope=orders:read jti=jti-1", line.getFormattedMessage());
        assertEquals("req-1", line.getMDCPropertyMap().get("request_id"));
        for (Object argument : line.getArgumentArray()) {
            assertInstanceOf(StructuredArgument.class, argument, "each field is a JSON field in the JSON format");
        }
    }

    @Test
    void fieldsWhenRefreshGrantThenTokenRefreshed() {
        Map<String, String> fields = AuditLog.fields(new TokenIssued(AT, BILLING, "user-1", GrantType.REFRESH_TOKEN,
                ScopeSet.of("openid"), "jti-2"));

        assertEquals("token_refreshed", fields.get("event"));
        assertEquals("user-1", fields.get("sub"));
    }

    @Test
    void fieldsWhenAccessTokenRevokedThenItsJtiAndSubject() { // RFC 7009 §2.1
        assertEquals(Map.of("event", "token_revoked", "outcome", "success", "client_id", "billing", "sub", "user-1",
                        "token_type", "access_token", "jti", "jti-3"),
                AuditLog.fields(new TokenRevoked(AT, BILLING, Optional.of("user-1"), TokenRevoked.ACCESS_TOKEN, "jti-3")));
    }

    @Test
    void fieldsWhenRefreshFamilyRevokedThenItsGrantId() {
        assertEquals("grant-9", AuditLog.fields(new TokenRevoked(AT, BILLING, Optional.of("user-1"),
                TokenRevoked.REFRESH_TOKEN, "grant-9")).get("grant_id"));
    }

    @Test
    void fieldsWhenSignInFailedThenFailureWithoutSubject() {
        assertEquals(Map.of("event", "login", "outcome", "failure", "client_id", "billing"),
                AuditLog.fields(new SignInAttempted(AT, BILLING, Optional.empty(), false)));
    }

    @Test
    void fieldsWhenSignInSucceededThenSuccessWithSubject() {
        assertEquals(Map.of("event", "login", "outcome", "success", "client_id", "billing", "sub", "user-1"),
                AuditLog.fields(new SignInAttempted(AT, BILLING, Optional.of("user-1"), true)));
    }

    @Test
    void fieldsWhenConsentGivenThenScope() {
        assertEquals(Map.of("event", "consent_given", "outcome", "success", "client_id", "billing", "sub", "user-1",
                        "scope", "openid"),
                AuditLog.fields(new ConsentChanged(AT, BILLING, "user-1", true, ScopeSet.of("openid"), Optional.empty())));
    }

    @Test
    void fieldsWhenConsentRevokedByAdminThenActor() {
        assertEquals(Map.of("event", "consent_revoked", "outcome", "success", "client_id", "billing", "sub", "user-1",
                        "actor", "ops"),
                AuditLog.fields(new ConsentChanged(AT, BILLING, "user-1", false, ScopeSet.EMPTY, Optional.of(ADMIN))));
    }

    @Test
    void fieldsWhenClientChangedThenChangeAndActor() {
        assertEquals(Map.of("event", "client_secret_rotated", "outcome", "success", "client_id", "billing",
                        "actor", "ops"),
                AuditLog.fields(new ClientChanged(AT, BILLING, ClientChanged.Change.SECRET_ROTATED, ADMIN)));
    }

    @Test
    void fieldsWhenKeyRotatedThenKidAlgAndActor() {
        assertEquals(Map.of("event", "key_rotated", "outcome", "success", "kid", "k-1", "alg", "RS256", "actor", "ops"),
                AuditLog.fields(new SigningKeyChanged(AT, "k-1", "RS256", SigningKeyChanged.Change.ROTATED, ADMIN)));
    }

    @Test
    void fieldsWhenScopeDeletedThenScopeAndActor() {
        assertEquals(Map.of("event", "scope_deleted", "outcome", "success", "scope", "orders:read", "actor", "ops"),
                AuditLog.fields(new ScopeChanged(AT, "orders:read", ScopeChanged.Change.DELETED, ADMIN)));
    }

    @Test
    void fieldsWhenTokensOfAUserRevokedThenSubjectCountsAndActor() {
        assertEquals(Map.of("event", "tokens_revoked", "outcome", "success", "sub", "user-1", "grants", "3",
                        "opaque_access_tokens", "1", "actor", "ops"),
                AuditLog.fields(new TokensRevoked(AT, Optional.of("user-1"), Optional.empty(), 3, 1, ADMIN)));
    }

    @Test
    void fieldsWhenTokensOfAClientRevokedThenClient() {
        assertEquals("billing", AuditLog.fields(new TokensRevoked(AT, Optional.empty(), Optional.of(BILLING), 0, 2,
                ADMIN)).get("client_id"));
    }

    @Test
    void publishWhenAuditLoggerOffThenNothingFormatted() {
        logger.setLevel(Level.OFF);

        audit.publish(new SignInAttempted(AT, BILLING, Optional.empty(), false));

        assertEquals(List.of(), captured.list);
    }

    @Test
    void fieldsThenOnlyIdentifierNamesEverUsed() {
        List<Map<String, String>> all = List.of(
                AuditLog.fields(new TokenIssued(AT, BILLING, "b", GrantType.AUTHORIZATION_CODE, ScopeSet.EMPTY, "j")),
                AuditLog.fields(new TokenRevoked(AT, BILLING, Optional.empty(), TokenRevoked.ACCESS_TOKEN, "j")),
                AuditLog.fields(new ClientChanged(AT, BILLING, ClientChanged.Change.CREATED, ADMIN)),
                AuditLog.fields(new SigningKeyChanged(AT, "k", "ES256", SigningKeyChanged.Change.IMPORTED, ADMIN)));

        for (Map<String, String> fields : all) {
            for (String key : fields.keySet()) {
                assertFalse(key.contains("secret") || key.contains("password") || key.equals("token"), key);
            }
        }
    }
}
