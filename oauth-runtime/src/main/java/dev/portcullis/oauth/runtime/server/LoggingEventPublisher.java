package dev.portcullis.oauth.runtime.server;

import dev.portcullis.oauth.domain.event.OAuthEvent;
import dev.portcullis.oauth.domain.event.TokenIssued;
import dev.portcullis.oauth.domain.port.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events to the {@code portcullis.audit} logger: identifiers only (client, subject,
 * grant, scope, {@code jti}), never a token. At DEBUG, so that the hot path pays nothing unless
 * an operator asks for it.
 */
final class LoggingEventPublisher implements EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger("portcullis.audit");

    @Override
    public void publish(OAuthEvent event) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        if (event instanceof TokenIssued issued) {
            LOG.debug("token issued: client_id={} sub={} grant_type={} scope=\"{}\" jti={}", issued.clientId(),
                    issued.subject(), issued.grantType(), issued.scope(), issued.tokenId());
        }
    }
}
