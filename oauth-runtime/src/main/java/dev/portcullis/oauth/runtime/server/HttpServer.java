package dev.portcullis.oauth.runtime.server;

import dev.portcullis.oauth.runtime.config.RuntimeSettings;
import jakarta.ws.rs.core.Feature;
import java.net.URI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jersey on Jetty 12, bound to the configured host only, mounted at the issuer's path, with a
 * graceful stop.
 */
final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /** Threads kept even when idle. */
    private static final int MIN_THREADS = 8;

    private final Server server;
    private final ServerConnector connector;
    private final String contextPath;

    private HttpServer(Server server, ServerConnector connector, String contextPath) {
        this.server = server;
        this.connector = connector;
        this.contextPath = contextPath;
    }

    /**
     * Builds the server and Jersey's application model (the slow part of starting the HTTP layer),
     * without binding the port: {@link #start()} does that.
     */
    static HttpServer create(RuntimeSettings settings, Feature endpoints, Object... providers) {
        return create(settings, new ConnectionAddresses(), endpoints, providers);
    }

    /**
     * Like {@link #create(RuntimeSettings, Feature, Object...)}, with {@code addresses} in front of
     * Jersey, so that the resources given {@code addresses} as their resolver can tell a request's
     * connection address.
     */
    static HttpServer create(RuntimeSettings settings, ConnectionAddresses addresses, Feature endpoints,
                             Object... providers) {
        ResourceConfig config = new ResourceConfig()
                .registerInstances(providers)
                .register(endpoints)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        JettyHttpContainer container = ContainerFactory.createContainer(JettyHttpContainer.class, config);

        QueuedThreadPool threads = new QueuedThreadPool(settings.httpMaxThreads(), MIN_THREADS);
        threads.setName("portcullis-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        // STACK-NOTES: Jersey's factory binds every interface; we bind exactly the configured host.
        connector.setHost(settings.httpHost());
        connector.setPort(settings.httpPort());
        server.addConnector(connector);

        String path = settings.issuer().getRawPath() == null ? "" : settings.issuer().getRawPath();
        addresses.setHandler(container);
        Handler app = path.isEmpty() ? addresses : new ContextHandler(addresses, path);
        server.setHandler(new GracefulHandler(app));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(settings.shutdownGrace().toMillis());
        server.setStopAtShutdown(false);
        return new HttpServer(server, connector, path);
    }

    /**
     * Binds the port and serves.
     *
     * @throws IllegalStateException when the server cannot start, e.g. the port is taken
     */
    void start() {
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("HTTP server failed to start on " + connector.getHost() + ":"
                    + connector.getPort() + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return connector.getLocalPort();
    }

    /** The most threads the server's pool runs ({@code PORTCULLIS_HTTP_MAX_THREADS}). */
    int maxThreads() {
        return ((QueuedThreadPool) server.getThreadPool()).getMaxThreads();
    }

    URI localUri() {
        String host = connector.getHost() == null || "0.0.0.0".equals(connector.getHost()) ? "127.0.0.1" : connector.getHost();
        return URI.create("http://" + host + ":" + port() + contextPath);
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort: the JVM is going away, and the pool closes after this.
            LOG.warn("HTTP server did not stop cleanly", e);
        }
    }
}
