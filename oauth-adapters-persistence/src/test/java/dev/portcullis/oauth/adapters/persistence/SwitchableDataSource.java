package dev.portcullis.oauth.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/** A data source that refuses every new connection once {@link #refuse()} is called, as a pool does when the database is down. */
final class SwitchableDataSource extends DelegatingDataSource {

    private volatile boolean refusing;
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    SwitchableDataSource(DataSource delegate) {
        super(delegate);
    }

    /** From now on, every new connection fails. */
    void refuse() {
        refusing = true;
    }

    /** From now on, connections are handed out again. */
    void restore() {
        refusing = false;
    }

    /** How many connections were asked for so far, refused ones included. */
    int connectionRequests() {
        return requests.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        check();
        return delegate.getConnection(username, password);
    }

    private void check() throws SQLException {
        requests.incrementAndGet();
        if (refusing) {
            throw new SQLTransientConnectionException("Connection refused", "08001");
        }
    }
}
