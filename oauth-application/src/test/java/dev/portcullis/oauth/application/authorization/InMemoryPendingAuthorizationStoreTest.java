package dev.portcullis.oauth.application.authorization;

import dev.portcullis.oauth.application.contract.PendingAuthorizationStoreContract;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs the {@link PendingAuthorizationStoreContract} against {@link InMemoryPendingAuthorizationStore}. */
final class InMemoryPendingAuthorizationStoreTest extends PendingAuthorizationStoreContract {

    @Override
    protected PendingAuthorizationStore emptyStore() {
        return new InMemoryPendingAuthorizationStore(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), 100);
    }
}
