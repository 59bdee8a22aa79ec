package dev.portcullis.oauth.adapters.persistence.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.adapters.persistence.PersistenceUnit;
import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.contract.ConsentRepositoryContract;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.consent.Consent;
import dev.portcullis.oauth.domain.port.ConsentRepository;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.user.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@link ConsentRepositoryContract} for {@link JpaConsentRepository}, plus what the foreign key
 * to {@code oauth_client} adds: a consent needs a registered client and goes with it.
 */
abstract class JpaConsentRepositoryContract extends ConsentRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private PersistenceUnit unit;

    /** The database of the concrete test class. */
    protected abstract TestDatabase database();

    @Override
    protected ConsentRepository emptyRepository() {
        unit = database().emptyUnit();
        return unit.consents();
    }

    @Override
    protected void registerClient(ClientId clientId) {
        unit.clients().save(TestClients.confidential(clientId.value()).build());
    }

    @Test
    void saveWhenClientNotRegisteredThenIllegalArgumentExceptionAndNothingStored() {
        Consent consent = new Consent(new Subject("alice"), new ClientId("unregistered"), ScopeSet.of("read"), T0);

        assertThrows(IllegalArgumentException.class, () -> unit.consents().save(consent));

        assertEquals(Optional.empty(), unit.consents().find(consent.subject(), consent.clientId()));
    }

    @Test
    void deleteClientWhenConsentsGivenThenTheyAreDeletedToo() {
        Subject alice = new Subject("alice");
        Consent kept = new Consent(alice, CLIENTS.get(1), ScopeSet.of("read"), T0);
        unit.consents().save(new Consent(alice, CLIENTS.get(0), ScopeSet.of("read"), T0));
        unit.consents().save(new Consent(new Subject("bob"), CLIENTS.get(0), ScopeSet.of("read"), T0));
        unit.consents().save(kept);

        unit.clients().delete(CLIENTS.get(0));

        assertEquals(List.of(kept), unit.consents().findBySubject(alice));
        assertEquals(List.of(), unit.consents().findBySubject(new Subject("bob")));
    }
}
