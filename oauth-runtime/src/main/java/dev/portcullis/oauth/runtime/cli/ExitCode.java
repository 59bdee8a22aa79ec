package dev.portcullis.oauth.runtime.cli;

/** The exit codes of every command; README "Command line" documents the table. */
public final class ExitCode {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** Unknown command or option, a missing or malformed argument, or input the use case refused (bad JSON, bad metadata). */
    public static final int USAGE = 1;
    /** The configuration is invalid; the message names the key. */
    public static final int CONFIGURATION = 2;
    /** The named client or key does not exist, or the request conflicts with what is stored. */
    public static final int NOT_FOUND_OR_CONFLICT = 3;
    /** The database cannot be reached. */
    public static final int DATABASE_UNAVAILABLE = 4;

    private ExitCode() {
    }
}
