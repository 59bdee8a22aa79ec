/**
 * The authorization endpoint, {@code GET} and {@code POST /authorize} (RFC 6749 §4.1.1): parameter parsing and the HTTP shape of its answers.
 */
package dev.portcullis.oauth.adapters.rest.authorization;
