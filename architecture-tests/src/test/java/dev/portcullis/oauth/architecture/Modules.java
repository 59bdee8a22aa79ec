package dev.portcullis.oauth.architecture;

/**
 * Package patterns of the modules (STYLE.md §2), in ArchUnit's package syntax, shared by every rule
 * so that a module's location is spelled once.
 */
final class Modules {

    /** Every production class of Portcullis lives under this root. */
    static final String ROOT = "dev.portcullis.oauth";

    static final String DOMAIN = "dev.portcullis.oauth.domain..";
    static final String APPLICATION = "dev.portcullis.oauth.application..";
    static final String ADAPTERS = "dev.portcullis.oauth.adapters..";
    static final String PERSISTENCE = "dev.portcullis.oauth.adapters.persistence..";
    static final String REST = "dev.portcullis.oauth.adapters.rest..";
    static final String RUNTIME = "dev.portcullis.oauth.runtime..";
    /** Where the runtime chooses and installs the JCA provider. */
    static final String RUNTIME_CRYPTO = "dev.portcullis.oauth.runtime.crypto..";

    /** The package prefix of adapter modules; the next package segment names the adapter. */
    static final String ADAPTERS_PREFIX = "dev.portcullis.oauth.adapters.";

    private Modules() {
    }
}
