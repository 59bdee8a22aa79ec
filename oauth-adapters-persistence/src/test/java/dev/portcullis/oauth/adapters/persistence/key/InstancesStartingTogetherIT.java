package dev.portcullis.oauth.adapters.persistence.key;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.oauth.adapters.persistence.PersistenceUnit;
import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.contract.Race;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.key.PrivateKeyCipher;
import dev.portcullis.oauth.application.key.SigningKeyGenerator;
import dev.portcullis.oauth.application.key.SigningKeyRing;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Server instances starting together on an empty PostgreSQL database: each makes sure every
 * algorithm has a current key, and they must end up with one key per algorithm that all of them sign with.
 */
final class InstancesStartingTogetherIT {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    private static final Set<SigningAlgorithm> ALGORITHMS = EnumSet.of(SigningAlgorithm.ES256, SigningAlgorithm.EDDSA);
    private static final MasterKey MASTER_KEY = MasterKey.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

    private PersistenceUnit other;

    @BeforeEach
    void openSecondInstance() {
        DATABASE.emptyUnit();
        other = PersistenceUnit.open(DATABASE.dataSource());
    }

    @AfterEach
    void closeSecondInstance() {
        other.close();
    }

    @Test
    void ensureCurrentKeysWhenEightInstancesStartTogetherThenOneCurrentKeyPerAlgorithmSharedByAll() {
        SigningKeyRepository first = DATABASE.emptyUnit().signingKeys();
        SigningKeyRepository second = other.signingKeys();

        List<SigningKeyRing> rings = Race.run(8, i -> {
            SigningKeyRing ring = ring(i % 2 == 0 ? first : second);
            ring.ensureCurrentKeys(ALGORITHMS);
            return ring;
        });

        for (SigningAlgorithm algorithm : ALGORITHMS) {
            List<KeyId> current = first.findAll().stream()
                    .filter(k -> k.algorithm() == algorithm && k.state() == KeyState.CURRENT)
                    .map(k -> k.id()).toList();
            assertEquals(1, current.size(), () -> "current keys for " + algorithm + ": " + current);
            for (SigningKeyRing ring : rings) {
                assertEquals(Optional.of(current.get(0)), ring.currentKeyId(algorithm));
            }
        }
        assertEquals(ALGORITHMS.size(), first.findAll().size());
    }

    private static SigningKeyRing ring(SigningKeyRepository repository) {
        SecureRandom random = new SecureRandom();
        PrivateKeyCipher cipher = new PrivateKeyCipher(MASTER_KEY, random);
        return new SigningKeyRing(repository, cipher, new SigningKeyGenerator(cipher,
                new SecureRandomTokenValueGenerator(random), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)));
    }
}
