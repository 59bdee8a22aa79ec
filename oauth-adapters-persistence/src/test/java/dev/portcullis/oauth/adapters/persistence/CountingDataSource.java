package dev.portcullis.oauth.adapters.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * A data source that records what its connections send to the database: the text of every
 * statement executed (a JDBC batch counts once, as it is one round trip) and every commit and
 * rollback, in order, so that a test can assert what one grant costs. Thread-safe.
 */
final class CountingDataSource extends DelegatingDataSource {

    private final List<String> sent = new ArrayList<>();

    CountingDataSource(DataSource delegate) {
        super(delegate);
    }

    /** What was sent since the last {@link #clear()}: statement texts, {@code COMMIT} and {@code ROLLBACK}. */
    synchronized List<String> sent() {
        return List.copyOf(sent);
    }

    /** Forgets what was sent so far. */
    synchronized void clear() {
        sent.clear();
    }

    private synchronized void record(String what) {
        sent.add(what);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connection(delegate.getConnection(username, password));
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (method, args, result) -> {
            switch (method.getName()) {
                case "commit", "rollback" -> {
                    if (args == null) {
                        record(method.getName().toUpperCase(Locale.ROOT));
                    }
                    return result;
                }
                case "prepareStatement" -> {
                    String sql = (String) args[0];
                    return proxy(PreparedStatement.class, (PreparedStatement) result, (call, callArgs, outcome) -> {
                        if (call.getName().startsWith("execute")) {
                            record(sql);
                        }
                        return outcome;
                    });
                }
                case "createStatement" -> {
                    return proxy(Statement.class, (Statement) result, (call, callArgs, outcome) -> {
                        if (call.getName().startsWith("execute") && callArgs != null && callArgs.length > 0
                                && callArgs[0] instanceof String sql) {
                            record(sql);
                        }
                        return outcome;
                    });
                }
                default -> {
                    return result;
                }
            }
        });
    }

    /** What happens to the result of a call once the target answered it. */
    private interface After {
        Object apply(Method method, Object[] args, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return after.apply(method, args, result);
        };
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type},
                handler));
    }
}
