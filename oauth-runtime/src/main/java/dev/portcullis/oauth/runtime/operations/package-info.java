/**
 * Operations: health checks, Prometheus metrics, the audit log and the fan-out of protocol events
 * to them. Wired by the server; nothing here is on a request's critical section beyond a map lookup.
 */
package dev.portcullis.oauth.runtime.operations;
