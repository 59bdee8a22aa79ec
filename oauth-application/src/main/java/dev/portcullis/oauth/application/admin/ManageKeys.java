package dev.portcullis.oauth.application.admin;

import dev.portcullis.oauth.application.key.ImportSigningKey;
import dev.portcullis.oauth.application.key.KeyImport;
import dev.portcullis.oauth.application.key.RotateSigningKeys;
import dev.portcullis.oauth.application.key.RotationOutcome;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.event.SigningKeyChanged;
import dev.portcullis.oauth.domain.port.EventPublisher;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing keys through the admin API: list them (public halves and lifecycle times only), rotate
 * an algorithm's key by hand, import an existing private key. Refusals are OAuth errors:
 * {@code invalid_request} for a bad algorithm or key material (the message never echoes the
 * material), {@code temporarily_unavailable} while another instance is changing keys. Thread-safe.
 */
public final class ManageKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ManageKeys.class);

    private final SigningKeyRepository keys;
    private final RotateSigningKeys rotate;
    private final ImportSigningKey importKey;

    private final EventPublisher events;
    private final Clock clock;

    /**
     * @param keys      the stored keys
     * @param rotate    rotates a key on request
     * @param importKey imports a key
     * @param events    where each rotation and import is reported (the audit trail)
     * @param clock     the time of each change
     */
    public ManageKeys(SigningKeyRepository keys, RotateSigningKeys rotate, ImportSigningKey importKey,
                      EventPublisher events, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.rotate = Objects.requireNonNull(rotate, "rotate");
        this.importKey = Objects.requireNonNull(importKey, "importKey");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every stored key, newest first. */
    public List<SigningKey> list() {
        return keys.findAll().stream().sorted(Comparator.comparing(SigningKey::createdAt).reversed()).toList();
    }

    /**
     * Rotates {@code algorithm}'s key: the next key signs now when it has been published long
     * enough, or at the returned instant.
     *
     * @throws OAuthException {@code invalid_request} when the server does not sign with the
     *         algorithm; {@code temporarily_unavailable} when keys are being changed elsewhere
     */
    public RotationOutcome rotate(ClientId admin, SigningAlgorithm algorithm) {
        try {
            RotationOutcome outcome = rotate.rotate(algorithm);
            LOG.debug("signing key rotation: alg={} status={} next_kid={}", algorithm.jwsName(), outcome.status(),
                    outcome.nextKey());
            events.publish(new SigningKeyChanged(Instant.now(clock), outcome.nextKey().value(), algorithm.jwsName(),
                    SigningKeyChanged.Change.ROTATED, admin));
            return outcome;
        } catch (IllegalArgumentException e) {
            throw OAuthException.of(StandardErrorCode.INVALID_REQUEST, "The server does not sign with this algorithm.");
        } catch (IllegalStateException e) {
            throw OAuthException.of(StandardErrorCode.TEMPORARILY_UNAVAILABLE,
                    "Signing keys are being changed elsewhere; try again.");
        }
    }

    /**
     * Imports a private key, keeping its {@code kid}.
     *
     * @throws OAuthException {@code invalid_request} when the material is not a usable private key
     *         for the algorithm or the {@code kid} exists; {@code temporarily_unavailable} when keys
     *         are being changed elsewhere
     */
    public SigningKey importKey(ClientId admin, KeyImport request) {
        try {
            SigningKey key = importKey.importKey(request);
            LOG.debug("signing key imported: kid={} state={}", key.id(), key.state());
            events.publish(new SigningKeyChanged(Instant.now(clock), key.id().value(), key.algorithm().jwsName(),
                    SigningKeyChanged.Change.IMPORTED, admin));
            return key;
        } catch (IllegalArgumentException e) {
            // ImportSigningKey's messages are safe to show: they never contain the key material.
            throw OAuthException.of(StandardErrorCode.INVALID_REQUEST, "The key cannot be imported: "
                    + OAuthError.descriptionText(e.getMessage()) + ".");
        } catch (IllegalStateException e) {
            throw OAuthException.of(StandardErrorCode.TEMPORARILY_UNAVAILABLE,
                    "Signing keys are being changed elsewhere; try again.");
        }
    }
}
