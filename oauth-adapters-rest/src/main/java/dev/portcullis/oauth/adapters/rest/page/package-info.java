/**
 * Server-rendered HTML of the browser flow: mustache templates (built in, overridable by a theme directory),
 * the stylesheet, security headers, and the rendering of each authorization step as a page or a redirect.
 */
package dev.portcullis.oauth.adapters.rest.page;
