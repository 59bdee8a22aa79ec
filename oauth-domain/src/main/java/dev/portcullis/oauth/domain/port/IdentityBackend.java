package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.UserClaims;
import dev.portcullis.oauth.domain.user.Username;
import java.util.Optional;

/**
 * The service that owns users: it checks passwords and knows users' claims. Portcullis never
 * stores users' passwords itself (DESIGN.md, "Users: the Identity Backend port"). Thread-safe.
 */
public interface IdentityBackend {

    /**
     * Checks a username and password.
     *
     * @return the user when the password is right; empty for an unknown user or a wrong password
     *         (the two are not told apart)
     * @throws dev.portcullis.oauth.domain.error.ServiceUnavailableException when the backend cannot
     *         answer; the caller must issue nothing
     */
    Optional<UserClaims> verifyPassword(Username username, Password password);

    /**
     * The claims of {@code subject}.
     *
     * @return empty when the backend does not know the subject (any more)
     * @throws dev.portcullis.oauth.domain.error.ServiceUnavailableException when the backend cannot answer
     */
    Optional<UserClaims> claims(Subject subject);
}
