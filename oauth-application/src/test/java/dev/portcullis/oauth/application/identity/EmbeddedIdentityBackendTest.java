package dev.portcullis.oauth.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.UserClaims;
import dev.portcullis.oauth.domain.user.Username;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmbeddedIdentityBackendTest {

    private static final PasswordHasher HASHER = new PasswordHasher(new SecureRandom(), 1000);
    private static final Username ALICE = new Username("alice");
    private static final Password ALICE_PASSWORD = new Password("correct horse battery staple");
    private static final EmbeddedUser ALICE_USER = EmbeddedUser.withPassword(ALICE, ALICE_PASSWORD, HASHER)
            .withClaims(Map.of("name", "Alice Liddell", "email", "alice@example.com", "email_verified", true));

    private final List<PasswordHash> checkedHashes = new ArrayList<>();
    private final PasswordHash dummyHash = HASHER.hash(new Password("dummy"));
    private final EmbeddedIdentityBackend backend = new EmbeddedIdentityBackend(List.of(ALICE_USER), dummyHash,
            (password, hash) -> {
                checkedHashes.add(hash);
                return HASHER.matches(password, hash);
            });

    @Test
    void verifyPasswordWhenRightPasswordThenSubjectAndClaims() {
        Optional<UserClaims> user = backend.verifyPassword(ALICE, new Password("correct horse battery staple"));

        assertEquals(Optional.of(new UserClaims(EmbeddedUser.defaultSubject(ALICE), ALICE_USER.claims())), user);
    }

    @Test
    void verifyPasswordWhenWrongPasswordThenEmpty() {
        Optional<UserClaims> user = backend.verifyPassword(ALICE, new Password("correct horse battery stapler"));

        assertEquals(Optional.empty(), user);
    }

    @Test
    void verifyPasswordWhenUsernameDiffersInCaseThenEmpty() {
        Optional<UserClaims> user = backend.verifyPassword(new Username("Alice"), ALICE_PASSWORD);

        assertEquals(Optional.empty(), user);
    }

    @Test
    void verifyPasswordWhenUnknownUserThenEmpty() {
        Optional<UserClaims> user = backend.verifyPassword(new Username("mallory"), ALICE_PASSWORD);

        assertEquals(Optional.empty(), user);
    }

    @Test
    void verifyPasswordWhenUnknownUserThenStillOneHashAgainstTheDummy() {
        backend.verifyPassword(new Username("mallory"), ALICE_PASSWORD);

        assertEquals(List.of(dummyHash), checkedHashes);
    }

    @Test
    void verifyPasswordWhenKnownUserThenOneHashAgainstTheUsersHash() {
        backend.verifyPassword(ALICE, new Password("wrong"));

        assertEquals(List.of(ALICE_USER.passwordHash()), checkedHashes);
    }

    @Test
    void verifyPasswordWhenBuiltWithHasherThenRealHashesChecked() {
        EmbeddedIdentityBackend real = new EmbeddedIdentityBackend(List.of(ALICE_USER), HASHER);

        assertTrue(real.verifyPassword(ALICE, ALICE_PASSWORD).isPresent());
        assertEquals(Optional.empty(), real.verifyPassword(new Username("mallory"), ALICE_PASSWORD));
    }

    @Test
    void verifyPasswordWhenExplicitSubjectThenThatSubject() {
        Subject explicit = new Subject("248289761001");
        EmbeddedIdentityBackend withSub = new EmbeddedIdentityBackend(List.of(ALICE_USER.withSubject(explicit)), HASHER);

        Optional<UserClaims> user = withSub.verifyPassword(ALICE, ALICE_PASSWORD);

        assertEquals(Optional.of(explicit), user.map(UserClaims::subject));
    }

    @Test
    void claimsWhenKnownSubjectThenClaims() {
        Optional<UserClaims> user = backend.claims(ALICE_USER.subject());

        assertEquals(Optional.of("alice@example.com"), user.flatMap(claims -> claims.text("email")));
    }

    @Test
    void claimsWhenUnknownSubjectThenEmpty() {
        Optional<UserClaims> user = backend.claims(new Subject("nobody"));

        assertEquals(Optional.empty(), user);
    }

    @Test
    void constructorWhenDuplicateUsernameThenRefused() {
        EmbeddedUser twin = EmbeddedUser.withPasswordHash(ALICE, ALICE_USER.passwordHash())
                .withSubject(new Subject("other"));

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new EmbeddedIdentityBackend(List.of(ALICE_USER, twin), HASHER));

        assertEquals("users: duplicate username alice", thrown.getMessage());
    }

    @Test
    void constructorWhenDuplicateSubjectThenRefused() {
        EmbeddedUser bob = EmbeddedUser.withPasswordHash(new Username("bob"), ALICE_USER.passwordHash())
                .withSubject(ALICE_USER.subject());

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new EmbeddedIdentityBackend(List.of(ALICE_USER, bob), HASHER));

        assertEquals("users: duplicate sub " + ALICE_USER.subject(), thrown.getMessage());
    }
}
