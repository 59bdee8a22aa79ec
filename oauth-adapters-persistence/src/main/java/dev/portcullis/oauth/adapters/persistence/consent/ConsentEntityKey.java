package dev.portcullis.oauth.adapters.persistence.consent;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link ConsentEntity}: the user and the client. Public only for Hibernate. */
public final class ConsentEntityKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String subject;
    private String clientId;

    /** For Hibernate. */
    ConsentEntityKey() {
    }

    ConsentEntityKey(String subject, String clientId) {
        this.subject = subject;
        this.clientId = clientId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConsentEntityKey key && Objects.equals(subject, key.subject)
                && Objects.equals(clientId, key.clientId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, clientId);
    }
}
