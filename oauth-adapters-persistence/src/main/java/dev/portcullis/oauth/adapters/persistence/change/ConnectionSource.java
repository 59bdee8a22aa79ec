package dev.portcullis.oauth.adapters.persistence.change;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a database connection that its caller owns and closes, e.g. one outside the pool. */
@FunctionalInterface
public interface ConnectionSource {

    /**
     * A new open connection.
     *
     * @throws SQLException when the database cannot be reached
     */
    Connection open() throws SQLException;
}
