/**
 * Signing key metadata: algorithms, key ids and the key lifecycle next, current, retired.
 */
package dev.portcullis.oauth.domain.key;
