/**
 * Announcing changes to shared state and hearing them: the caches of clients and signing keys
 * drop their entries when another instance changed them.
 */
package dev.portcullis.oauth.application.change;
