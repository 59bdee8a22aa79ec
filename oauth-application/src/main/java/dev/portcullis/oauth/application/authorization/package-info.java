/**
 * The authorization endpoint's use cases (RFC 6749 §4.1, RFC 7636, RFC 9700, OIDC Core §3.1): request
 * validation, the pending request across the login and consent pages, sessions, consent and code issuance.
 */
package dev.portcullis.oauth.application.authorization;
