package dev.portcullis.oauth.runtime.operations;

import static net.logstash.logback.argument.StructuredArguments.kv;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.portcullis.oauth.adapters.rest.tracing.RequestIdFilter;
import dev.portcullis.oauth.domain.event.ClientChanged;
import dev.portcullis.oauth.domain.event.ConsentChanged;
import dev.portcullis.oauth.domain.event.OAuthEvent;
import dev.portcullis.oauth.domain.event.SignInAttempted;
import dev.portcullis.oauth.domain.event.ScopeChanged;
import dev.portcullis.oauth.domain.event.SigningKeyChanged;
import dev.portcullis.oauth.domain.event.TokenIssued;
import dev.portcullis.oauth.domain.event.TokenRevoked;
import dev.portcullis.oauth.domain.event.TokensRevoked;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.EventPublisher;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The audit trail: one INFO line on the {@code portcullis.audit} logger per event, whatever its kind,
 * with the fields {@code event}, {@code outcome}, then {@code client_id}, {@code sub},
 * {@code grant_type}, {@code scope}, {@code jti}, {@code kid}, {@code actor} (the admin client) where
 * they apply. The fields are {@code key=value} pairs in a text line and top-level fields of a JSON
 * line, beside the {@code request_id} of the request that caused it (from the MDC). Events carry
 * identifiers only, so no secret, password or token value can get here. A line carries the time
 * of its event ({@link OAuthEvent#at()}). {@link #publish} writes at once, on the caller's thread
 * (the command line's offline instance); the server hands events to {@link BatchedAuditLog}, which
 * writes them here off the request threads. Thread-safe.
 */
public final class AuditLog implements EventPublisher {

    /** The logger's name, for routing the audit trail apart from the other logs. */
    public static final String LOGGER = "portcullis.audit";

    /** The class whose frames logback skips when it looks for the caller. */
    private static final String FQCN = AuditLog.class.getName();

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final String SUCCESS = "success";
    /** The message of a line with n fields: "audit" and n placeholders, made once. */
    private static final String[] MESSAGES = messages(8);

    /** Writes {@code event}'s line now, on this thread, with this thread's request id. */
    @Override
    public void publish(OAuthEvent event) {
        write(event, MDC.get(RequestIdFilter.MDC_KEY), Thread.currentThread().getName());
    }

    /**
     * Writes {@code event}'s line as if logged by {@code thread} while it served the request
     * {@code requestId} (none when null), timestamped with the event's {@link OAuthEvent#at()}: the
     * line says when and where it happened, whichever thread writes it ({@link BatchedAuditLog}).
     */
    void write(OAuthEvent event, String requestId, String thread) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Map<String, String> fields = fields(event);
        Object[] arguments = new Object[fields.size()];
        int i = 0;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            arguments[i++] = kv(field.getKey(), field.getValue());
        }
        String message = arguments.length < MESSAGES.length ? MESSAGES[arguments.length]
                : "audit" + " {}".repeat(arguments.length);
        if (LOG instanceof ch.qos.logback.classic.Logger logback) {
            LoggingEvent line = new LoggingEvent(FQCN, logback, Level.INFO, message, null, arguments);
            line.setInstant(event.at());
            line.setThreadName(thread);
            line.setMDCPropertyMap(requestId == null ? Map.of() : Map.of(RequestIdFilter.MDC_KEY, requestId));
            logback.callAppenders(line);
        } else {
            LOG.info(message, arguments);
        }
    }

    private static String[] messages(int count) {
        String[] messages = new String[count];
        for (int n = 0; n < count; n++) {
            messages[n] = "audit" + " {}".repeat(n);
        }
        return messages;
    }

    /** The fields of {@code event}'s audit line, in order. */
    static Map<String, String> fields(OAuthEvent event) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (event instanceof TokenIssued issued) {
            // A refresh grant is the audit trail's "token refreshed".
            boolean refreshed = GrantType.REFRESH_TOKEN.equals(issued.grantType());
            fields.put("event", refreshed ? "token_refreshed" : "token_issued");
            fields.put("outcome", SUCCESS);
            fields.put("client_id", issued.clientId().value());
            fields.put("sub", issued.subject());
            fields.put("grant_type", issued.grantType().value());
            fields.put("scope", String.join(" ", issued.scope().values()));
            fields.put("jti", issued.tokenId());
        } else if (event instanceof TokenRevoked revoked) {
            fields.put("event", "token_revoked");
            fields.put("outcome", SUCCESS);
            fields.put("client_id", revoked.clientId().value());
            revoked.subject().ifPresent(sub -> fields.put("sub", sub));
            fields.put("token_type", revoked.tokenType());
            fields.put(TokenRevoked.ACCESS_TOKEN.equals(revoked.tokenType()) ? "jti" : "grant_id", revoked.tokenId());
        } else if (event instanceof SignInAttempted signIn) {
            fields.put("event", "login");
            fields.put("outcome", signIn.succeeded() ? SUCCESS : "failure");
            fields.put("client_id", signIn.clientId().value());
            signIn.subject().ifPresent(sub -> fields.put("sub", sub));
        } else if (event instanceof ConsentChanged consent) {
            fields.put("event", consent.given() ? "consent_given" : "consent_revoked");
            fields.put("outcome", SUCCESS);
            fields.put("client_id", consent.clientId().value());
            fields.put("sub", consent.subject());
            if (consent.given()) {
                fields.put("scope", String.join(" ", consent.scope().values()));
            }
            consent.actor().ifPresent(actor -> fields.put("actor", actor.value()));
        } else if (event instanceof ClientChanged client) {
            fields.put("event", "client_" + client.change().name().toLowerCase(Locale.ROOT));
            fields.put("outcome", SUCCESS);
            fields.put("client_id", client.clientId().value());
            fields.put("actor", client.actor().value());
        } else if (event instanceof ScopeChanged scope) {
            fields.put("event", "scope_" + scope.change().name().toLowerCase(Locale.ROOT));
            fields.put("outcome", SUCCESS);
            fields.put("scope", scope.scope());
            fields.put("actor", scope.actor().value());
        } else if (event instanceof TokensRevoked revoked) {
            fields.put("event", "tokens_revoked");
            fields.put("outcome", SUCCESS);
            revoked.clientId().ifPresent(client -> fields.put("client_id", client.value()));
            revoked.subject().ifPresent(sub -> fields.put("sub", sub));
            fields.put("grants", Integer.toString(revoked.grants()));
            fields.put("opaque_access_tokens", Integer.toString(revoked.opaqueAccessTokens()));
            fields.put("actor", revoked.actor().value());
        } else if (event instanceof SigningKeyChanged key) {
            fields.put("event", "key_" + key.change().name().toLowerCase(Locale.ROOT));
            fields.put("outcome", SUCCESS);
            fields.put("kid", key.keyId());
            fields.put("alg", key.algorithm());
            fields.put("actor", key.actor().value());
        }
        return fields;
    }
}
