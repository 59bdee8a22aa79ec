package dev.portcullis.oauth.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link JpaUnitOfWorkContract} on PostgreSQL. */
final class PostgresJpaUnitOfWorkIT extends JpaUnitOfWorkContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }

    /**
     * Terminates every other backend of the database, as a restart does, then has the pool drop
     * its idle connections, which it would otherwise hand out once more before noticing.
     */
    @Override
    protected void cutConnections(DataSource admin) throws SQLException {
        try (Connection connection = TestDatabase.postgresDataSource(adminDatabase(admin)).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
        ((HikariDataSource) admin).getHikariPoolMXBean().softEvictConnections();
    }

    private static String adminDatabase(DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return connection.getCatalog();
        }
    }
}
