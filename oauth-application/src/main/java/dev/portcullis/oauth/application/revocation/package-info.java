/**
 * Token revocation (RFC 7009): access tokens, and refresh tokens with their whole family.
 */
package dev.portcullis.oauth.application.revocation;
