/**
 * Changes to shared state (clients, signing keys) that other instances must hear of, to drop what
 * they cached.
 */
package dev.portcullis.oauth.domain.change;
