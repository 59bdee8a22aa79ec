/**
 * Token introspection (RFC 7662, JWT responses of RFC 9701) and the shared token lookup of the introspection and revocation endpoints.
 */
package dev.portcullis.oauth.application.introspection;
