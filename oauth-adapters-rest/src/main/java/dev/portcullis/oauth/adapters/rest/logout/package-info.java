/**
 * The end-session endpoint of OIDC RP-Initiated Logout 1.0 ({@code /logout}): parses the request, calls
 * {@link dev.portcullis.oauth.application.logout.EndSession} and writes the page, redirect and cookies.
 */
package dev.portcullis.oauth.adapters.rest.logout;
