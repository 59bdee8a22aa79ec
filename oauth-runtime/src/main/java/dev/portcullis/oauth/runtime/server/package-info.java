/**
 * Wiring and lifecycle of one server instance: pool, persistence, protocol core, Jetty and Jersey.
 */
package dev.portcullis.oauth.runtime.server;
