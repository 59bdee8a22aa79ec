/**
 * The spent {@code jti} values of client authentication assertions (RFC 7523 §3), in the database.
 */
package dev.portcullis.oauth.adapters.persistence.assertion;
