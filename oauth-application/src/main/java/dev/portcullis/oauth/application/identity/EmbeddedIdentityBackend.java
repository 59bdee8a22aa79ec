package dev.portcullis.oauth.application.identity;

import dev.portcullis.oauth.domain.port.IdentityBackend;
import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.UserClaims;
import dev.portcullis.oauth.domain.user.Username;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * An {@link IdentityBackend} over a fixed list of {@link EmbeddedUser}s, for development and small
 * deployments (DESIGN.md, "Users: the Identity Backend port"). Usernames are compared exactly
 * (case-sensitive). Every password check runs exactly one PBKDF2 derivation: for an unknown
 * username it runs against a dummy hash made at construction with the hasher's work factor, so the
 * answer time does not tell which usernames exist (hash users' passwords with the same work factor
 * for that to hold). Never unavailable. Immutable and thread-safe.
 */
public final class EmbeddedIdentityBackend implements IdentityBackend {

    private static final Password DUMMY_PASSWORD = new Password("portcullis: no such user");

    private final Map<Username, EmbeddedUser> byUsername;
    private final Map<Subject, EmbeddedUser> bySubject;
    private final PasswordHash dummyHash;
    private final BiPredicate<Password, PasswordHash> verifier;

    /**
     * @param users  the users; usernames and subjects must be unique
     * @param hasher checks passwords; also makes the dummy hash (one slow hash, now)
     * @throws IllegalArgumentException when two users share a username or a subject
     */
    public EmbeddedIdentityBackend(List<EmbeddedUser> users, PasswordHasher hasher) {
        this(users, Objects.requireNonNull(hasher, "hasher").hash(DUMMY_PASSWORD), hasher::matches);
    }

    /** Test seam: {@code verifier} stands for {@link PasswordHasher#matches}. */
    EmbeddedIdentityBackend(List<EmbeddedUser> users, PasswordHash dummyHash,
                            BiPredicate<Password, PasswordHash> verifier) {
        this.dummyHash = Objects.requireNonNull(dummyHash, "dummyHash");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        Map<Username, EmbeddedUser> names = new HashMap<>();
        Map<Subject, EmbeddedUser> subjects = new HashMap<>();
        for (EmbeddedUser user : List.copyOf(users)) {
            if (names.putIfAbsent(user.username(), user) != null) {
                throw new IllegalArgumentException("users: duplicate username " + user.username());
            }
            if (subjects.putIfAbsent(user.subject(), user) != null) {
                throw new IllegalArgumentException("users: duplicate sub " + user.subject());
            }
        }
        this.byUsername = Map.copyOf(names);
        this.bySubject = Map.copyOf(subjects);
    }

    @Override
    public Optional<UserClaims> verifyPassword(Username username, Password password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        EmbeddedUser user = byUsername.get(username);
        if (user == null) {
            // Same work as for a known user, so response time does not reveal which usernames exist.
            verifier.test(password, dummyHash);
            return Optional.empty();
        }
        return verifier.test(password, user.passwordHash()) ? Optional.of(claimsOf(user)) : Optional.empty();
    }

    @Override
    public Optional<UserClaims> claims(Subject subject) {
        Objects.requireNonNull(subject, "subject");
        return Optional.ofNullable(bySubject.get(subject)).map(EmbeddedIdentityBackend::claimsOf);
    }

    /** How many users there are; for the start-up log. */
    public int size() {
        return byUsername.size();
    }

    private static UserClaims claimsOf(EmbeddedUser user) {
        return new UserClaims(user.subject(), user.claims());
    }
}
