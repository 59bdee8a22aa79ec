package dev.portcullis.oauth.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.Username;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedUserTest {

    private static final PasswordHasher HASHER = new PasswordHasher(new SecureRandom(), 1000);
    private static final Username ALICE = new Username("alice");

    @Test
    void defaultSubjectWhenSameUsernameThenSameValue() {
        Subject subject = EmbeddedUser.defaultSubject(ALICE);

        // base64url(SHA-256("portcullis-user:alice"))[0..22): fixed, so stable across restarts and instances.
        assertEquals("RWo-aVLM6pfp6X9ANjHMaW", subject.value());
    }

    @Test
    void defaultSubjectWhenUsernameDiffersInCaseThenOtherValue() {
        Subject subject = EmbeddedUser.defaultSubject(new Username("Alice"));

        assertNotEquals(EmbeddedUser.defaultSubject(ALICE), subject);
    }

    @Test
    void withPasswordWhenBuiltThenPasswordHashedAndDefaultSubject() {
        EmbeddedUser user = EmbeddedUser.withPassword(ALICE, new Password("s3cret"), HASHER);

        assertTrue(user.passwordHash().encoded().startsWith("$pbkdf2-sha256$i=1000$"));
        assertTrue(HASHER.matches(new Password("s3cret"), user.passwordHash()));
        assertEquals(EmbeddedUser.defaultSubject(ALICE), user.subject());
        assertEquals(Map.of(), user.claims());
    }

    @Test
    void withPasswordHashWhenBuiltThenHashKept() {
        PasswordHash hash = HASHER.hash(new Password("s3cret"));

        EmbeddedUser user = EmbeddedUser.withPasswordHash(ALICE, hash);

        assertEquals(hash, user.passwordHash());
    }

    @Test
    void withClaimsWhenSubAmongThemThenRefused() {
        EmbeddedUser user = EmbeddedUser.withPassword(ALICE, new Password("s3cret"), HASHER);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> user.withClaims(Map.of("sub", "x", "name", "Alice")));

        assertEquals("sub is the subject, not one of the claims", thrown.getMessage());
    }

    @Test
    void toStringWhenCalledThenNoHash() {
        EmbeddedUser user = EmbeddedUser.withPassword(ALICE, new Password("s3cret"), HASHER);

        assertFalse(user.toString().contains("pbkdf2"), user.toString());
    }
}
