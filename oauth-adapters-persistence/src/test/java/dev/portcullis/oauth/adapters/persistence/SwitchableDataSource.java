package dev.portcullis.oauth.adapters.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A data source that refuses every new connection once {@link #refuse()} is called, as a pool does when the database is down. */
final class SwitchableDataSource implements DataSource {

    private final DataSource delegate;
    private volatile boolean refusing;
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    SwitchableDataSource(DataSource delegate) {
        this.delegate = delegate;
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

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
