package dev.portcullis.oauth.adapters.persistence;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Sends java.util.logging (which Liquibase uses) to SLF4J, so that logback-test.xml governs it. */
public final class LogBridge {

    private LogBridge() {
    }

    /** Installs the bridge once; later calls do nothing. */
    public static synchronized void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
