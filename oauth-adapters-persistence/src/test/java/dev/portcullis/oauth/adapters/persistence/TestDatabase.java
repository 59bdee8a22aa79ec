package dev.portcullis.oauth.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database for one test class, with a {@link PersistenceUnit} open on it: an in-memory
 * H2 database, or a new PostgreSQL database (created through the database named by
 * {@code PORTCULLIS_TEST_PG_URL}, default {@value #DEFAULT_PG_URL}) dropped afterwards.
 * PostgreSQL being unreachable fails the class: it is never skipped.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

    /** Where the PostgreSQL tests connect when {@code PORTCULLIS_TEST_PG_URL} is not set. */
    public static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    /** H2 settings that make it behave like PostgreSQL, as the embedded server uses it. */
    public static final String H2_MODE = ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";

    static {
        LogBridge.install();
    }

    private enum Kind { H2, POSTGRES }

    private final Kind kind;
    private String name;
    private DataSource dataSource;
    private PersistenceUnit unit;

    private TestDatabase(Kind kind) {
        this.kind = kind;
    }

    /** A new in-memory H2 database per test class. */
    public static TestDatabase h2() {
        return new TestDatabase(Kind.H2);
    }

    /** A new PostgreSQL database per test class. */
    public static TestDatabase postgres() {
        return new TestDatabase(Kind.POSTGRES);
    }

    /** The base PostgreSQL URL of the test server. */
    public static String postgresUrl() {
        return Objects.requireNonNullElse(System.getenv("PORTCULLIS_TEST_PG_URL"), DEFAULT_PG_URL);
    }

    /** A data source for the database named {@code database} on the test PostgreSQL server. */
    public static PGSimpleDataSource postgresDataSource(String database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(postgresUrl());
        source.setDatabaseName(database);
        if (source.getUser() == null) {
            source.setUser("postgres");
        }
        return source;
    }

    /** A data source for an H2 database at {@code urlWithoutMode}, in PostgreSQL mode. */
    public static JdbcDataSource h2DataSource(String urlWithoutMode) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(urlWithoutMode + H2_MODE);
        return source;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        name = "portcullis_it_" + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        if (kind == Kind.H2) {
            dataSource = h2DataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        } else {
            execute(administration(), "CREATE DATABASE " + name);
            HikariConfig pool = new HikariConfig();
            pool.setDataSource(postgresDataSource(name));
            pool.setPoolName(name);
            pool.setMaximumPoolSize(8);
            dataSource = new HikariDataSource(pool);
        }
        unit = PersistenceUnit.open(dataSource);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (unit != null) {
            unit.close();
        }
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
        if (kind == Kind.H2) {
            execute(dataSource, "SHUTDOWN");
        } else {
            execute(administration(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** The persistence unit, after deleting every row its repositories store. */
    public PersistenceUnit emptyUnit() {
        try {
            execute(dataSource, "DELETE FROM oauth_client", "DELETE FROM oauth_scope", "DELETE FROM signing_key",
                    "DELETE FROM authorization_code", "DELETE FROM browser_session", "DELETE FROM user_consent",
                    "DELETE FROM refresh_token", "DELETE FROM revoked_access_token", "DELETE FROM client_assertion_jti",
                    "DELETE FROM resource_server", "DELETE FROM opaque_access_token",
                    "DELETE FROM pending_authorization");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test database", e);
        }
        return unit;
    }

    /** A data source on this class's database. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The database named by the URL itself, through which test databases are created and dropped. */
    private static DataSource administration() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(postgresUrl());
        if (source.getUser() == null) {
            source.setUser("postgres");
        }
        return source;
    }

    /** Runs each statement on one connection, in auto-commit mode. */
    public static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
