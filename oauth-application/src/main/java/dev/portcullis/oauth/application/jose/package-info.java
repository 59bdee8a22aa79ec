/**
 * JWS signers and verifiers over the JCA, for what Nimbus does not route through the installed
 * provider itself (Ed25519, which Nimbus signs and verifies through Google Tink only).
 */
package dev.portcullis.oauth.application.jose;
