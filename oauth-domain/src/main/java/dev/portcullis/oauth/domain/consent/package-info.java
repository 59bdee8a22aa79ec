/**
 * What a user allowed a client, remembered per user, client and scope set.
 */
package dev.portcullis.oauth.domain.consent;
