/**
 * Announcing changes to shared state and hearing them: the caches of clients and signing keys
 * drop their entries when another instance changed them (the copy of the deny list updates
 * itself).
 */
package dev.portcullis.oauth.application.change;
