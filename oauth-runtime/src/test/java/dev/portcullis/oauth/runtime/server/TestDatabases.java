package dev.portcullis.oauth.runtime.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh PostgreSQL databases for tests, on the local server (PORTCULLIS_TEST_PG_URL, default
 * jdbc:postgresql://127.0.0.1:5432/test as user postgres). Fails, never skips, when PostgreSQL
 * is unreachable: CI must not pass without it.
 */
public final class TestDatabases {

    private static final String ADMIN_URL = System.getenv().getOrDefault("PORTCULLIS_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("PORTCULLIS_TEST_PG_USER", "postgres");

    private TestDatabases() {
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String createPostgres() {
        String name = "portcullis_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    /** Drops a database made by {@link #createPostgres()}, closing its connections. */
    public static void dropPostgres(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** The URL of the administration database, without {@code jdbc:}, to find the server's host and port. */
    public static String serverUrl() {
        return ADMIN_URL.substring("jdbc:".length());
    }

    /** The user to connect as. */
    public static String user() {
        return USER;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " is required for this test: " + e.getMessage(), e);
        }
    }
}
