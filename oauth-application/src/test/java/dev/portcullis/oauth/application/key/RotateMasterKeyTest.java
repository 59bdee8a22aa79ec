package dev.portcullis.oauth.application.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.memory.LocalJobLock;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RotateMasterKeyTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MasterKey OLD = TestKeyRings.MASTER_KEY;
    private static final MasterKey NEW = MasterKey.generate(RANDOM);

    private final InMemorySigningKeyRepository repository = new InMemorySigningKeyRepository();

    private SigningKeyRing ring(PrivateKeyCipher cipher) {
        return new SigningKeyRing(repository, cipher, new SigningKeyGenerator(cipher,
                new SecureRandomTokenValueGenerator(RANDOM), TestKeyRings.CLOCK));
    }

    @Test
    void reencryptAllWhenKeysUnderPreviousMasterKeyThenAllUnderNewOneAndOldKeyNoLongerNeeded() {
        ring(new PrivateKeyCipher(OLD, RANDOM)).ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256, SigningAlgorithm.EDDSA));
        List<SigningKey> before = repository.findAll();
        SigningKeyRing rotating = ring(new PrivateKeyCipher(NEW, RANDOM).decryptingAlsoWith(OLD));

        int changed = new RotateMasterKey(rotating, new LocalJobLock()).reencryptAll();

        assertEquals(2, changed);
        PrivateKeyCipher onlyNew = new PrivateKeyCipher(NEW, RANDOM);
        for (SigningKey key : repository.findAll()) {
            assertTrue(onlyNew.isUnderCurrentKey(key.id(), key.encryptedPrivateKey()));
            SigningKey old = before.stream().filter(k -> k.id().equals(key.id())).findFirst().orElseThrow();
            assertEquals(new PrivateKeyCipher(OLD, RANDOM).decrypt(old.id(), old.encryptedPrivateKey()),
                    onlyNew.decrypt(key.id(), key.encryptedPrivateKey()));
        }
        ring(onlyNew).ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256, SigningAlgorithm.EDDSA));
        assertEquals(2, repository.findAll().size());
    }

    @Test
    void reencryptAllWhenRunAgainThenNothingChanges() {
        ring(new PrivateKeyCipher(OLD, RANDOM)).ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256));
        RotateMasterKey rotate = new RotateMasterKey(ring(new PrivateKeyCipher(NEW, RANDOM).decryptingAlsoWith(OLD)),
                new LocalJobLock());
        rotate.reencryptAll();
        List<SigningKey> after = repository.findAll();

        int changed = rotate.reencryptAll();

        assertEquals(0, changed);
        assertEquals(after, repository.findAll());
    }

    @Test
    void reencryptAllWhenAKeyFitsNeitherMasterKeyThenIllegalStateAndNothingChanged() {
        ring(new PrivateKeyCipher(OLD, RANDOM)).ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256));
        repository.add(new SigningKeyGenerator(new PrivateKeyCipher(MasterKey.generate(RANDOM), RANDOM),
                new SecureRandomTokenValueGenerator(RANDOM), TestKeyRings.CLOCK).generate(SigningAlgorithm.EDDSA, KeyState.CURRENT));
        List<SigningKey> before = repository.findAll();

        assertThrows(IllegalStateException.class, () -> new RotateMasterKey(
                ring(new PrivateKeyCipher(NEW, RANDOM).decryptingAlsoWith(OLD)), new LocalJobLock()).reencryptAll());

        assertEquals(before, repository.findAll());
    }

    @Test
    void decryptWhenOnlyNewMasterKeyAndKeyUnderOldThenIllegalState() {
        ring(new PrivateKeyCipher(OLD, RANDOM)).ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256));
        SigningKey key = repository.findAll().get(0);

        boolean underNew = new PrivateKeyCipher(NEW, RANDOM).isUnderCurrentKey(key.id(), key.encryptedPrivateKey());

        assertFalse(underNew);
        assertThrows(IllegalStateException.class,
                () -> new PrivateKeyCipher(NEW, RANDOM).decrypt(key.id(), key.encryptedPrivateKey()));
    }
}
