/**
 * The introspection endpoint, {@code POST /introspect} (RFC 7662, JWT responses of RFC 9701).
 */
package dev.portcullis.oauth.adapters.rest.introspection;
