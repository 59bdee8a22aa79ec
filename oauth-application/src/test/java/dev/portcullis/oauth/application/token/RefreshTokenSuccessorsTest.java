package dev.portcullis.oauth.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.key.MasterKey;
import java.security.SecureRandom;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class RefreshTokenSuccessorsTest {

    private final MasterKey masterKey = MasterKey.generate(new SecureRandom());
    private final RefreshTokenSuccessors successors =
            new RefreshTokenSuccessors(masterKey.derive(RefreshTokenSuccessors.KEY_PURPOSE));

    @Test
    void ofWhenSameTokenTwiceThenSameSuccessor() { // RFC 9700 §4.14.2: concurrent uses do not fork the family
        assertEquals(successors.of("token-a").value(), successors.of("token-a").value());
    }

    @Test
    void ofWhenAnotherInstanceWithTheSameMasterKeyThenSameSuccessor() {
        RefreshTokenSuccessors other = new RefreshTokenSuccessors(masterKey.derive(RefreshTokenSuccessors.KEY_PURPOSE));

        assertEquals(successors.of("token-a").value(), other.of("token-a").value());
    }

    @Test
    void ofWhenOtherTokenOrOtherKeyThenOtherSuccessor() {
        RefreshTokenSuccessors otherKey = new RefreshTokenSuccessors(
                MasterKey.generate(new SecureRandom()).derive(RefreshTokenSuccessors.KEY_PURPOSE));

        assertNotEquals(successors.of("token-a").value(), successors.of("token-b").value());
        assertNotEquals(successors.of("token-a").value(), otherKey.of("token-a").value());
    }

    @Test
    void ofThenTwoHundredFiftySixBitsBase64Url() {
        String value = successors.of("token-a").value();

        assertEquals(43, value.length());
        assertTrue(value.matches("[A-Za-z0-9_-]+"), value);
    }

    @Test
    void constructorWhenNotAnHmacKeyThenIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class,
                () -> new RefreshTokenSuccessors(new SecretKeySpec(new byte[16], "AES")));
    }
}
