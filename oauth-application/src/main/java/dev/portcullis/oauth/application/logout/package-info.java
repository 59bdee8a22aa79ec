/**
 * OpenID Connect RP-Initiated Logout 1.0 ({@code /logout}): checks the logout request, ends the browser session
 * and says where the browser goes next.
 */
package dev.portcullis.oauth.application.logout;
