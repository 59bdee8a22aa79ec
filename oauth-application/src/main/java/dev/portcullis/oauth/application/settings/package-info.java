/**
 * The protocol core's settings: issuer, audience and signing algorithms.
 */
package dev.portcullis.oauth.application.settings;
