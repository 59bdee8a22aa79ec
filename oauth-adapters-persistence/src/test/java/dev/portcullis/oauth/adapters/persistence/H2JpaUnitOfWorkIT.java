package dev.portcullis.oauth.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link JpaUnitOfWorkContract} on in-memory H2 in PostgreSQL mode. */
final class H2JpaUnitOfWorkIT extends JpaUnitOfWorkContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }

    /** H2 closes another session, rolling back its transaction, with {@code ABORT_SESSION}. */
    @Override
    protected void cutConnections(DataSource admin) throws SQLException {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT ABORT_SESSION(SESSION_ID) FROM INFORMATION_SCHEMA.SESSIONS"
                    + " WHERE SESSION_ID <> SESSION_ID()");
        }
    }
}
