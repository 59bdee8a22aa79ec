/**
 * The authorization endpoint's model (RFC 6749 §4.1, RFC 7636, RFC 9700): requests, redirect URI matching, PKCE and codes.
 */
package dev.portcullis.oauth.domain.authorization;
