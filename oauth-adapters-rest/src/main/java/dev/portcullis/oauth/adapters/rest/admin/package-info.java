/** The admin REST API under {@code /admin}: JSON in and out, guarded by an admin client's credentials. */
package dev.portcullis.oauth.adapters.rest.admin;
