package dev.portcullis.oauth.domain.key;

/**
 * Where a signing key is in its lifecycle (DESIGN.md, "Keys").
 */
public enum KeyState {
    /** Published in JWKS, not yet signing, so that caches learn it before its first token. */
    NEXT,
    /** Published and signing. */
    CURRENT,
    /** Published, no longer signing; kept until every token it signed has expired. */
    RETIRED
}
