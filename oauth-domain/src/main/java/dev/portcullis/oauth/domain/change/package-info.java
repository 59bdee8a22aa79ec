/**
 * Changes to shared state (clients, signing keys, the deny list) that other instances must hear of,
 * to drop or update what they cached.
 */
package dev.portcullis.oauth.domain.change;
