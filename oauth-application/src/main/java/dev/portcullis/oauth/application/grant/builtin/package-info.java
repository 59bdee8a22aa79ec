/**
 * The grant handlers that ship with Portcullis, one class per grant type.
 */
package dev.portcullis.oauth.application.grant.builtin;
