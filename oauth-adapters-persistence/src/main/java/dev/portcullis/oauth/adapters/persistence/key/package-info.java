/**
 * Signing keys stored in {@code signing_key} (private half encrypted by the caller), behind the SigningKeyRepository port.
 */
package dev.portcullis.oauth.adapters.persistence.key;
