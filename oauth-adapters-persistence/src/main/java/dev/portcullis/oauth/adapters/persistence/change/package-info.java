/**
 * Change notifications between instances on one PostgreSQL database ({@code LISTEN/NOTIFY}), behind
 * the ChangeNotifier port.
 */
package dev.portcullis.oauth.adapters.persistence.change;
