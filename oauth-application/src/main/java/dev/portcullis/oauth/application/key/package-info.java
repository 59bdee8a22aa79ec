/**
 * Signing keys: generation, encryption at rest under the master key, the key ring and the Nimbus signer.
 */
package dev.portcullis.oauth.application.key;
