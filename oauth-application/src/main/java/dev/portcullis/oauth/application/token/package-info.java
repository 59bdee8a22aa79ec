/**
 * Minting tokens: RFC 9068 JWT access tokens, hashed opaque refresh tokens, and the unguessable values behind them.
 */
package dev.portcullis.oauth.application.token;
