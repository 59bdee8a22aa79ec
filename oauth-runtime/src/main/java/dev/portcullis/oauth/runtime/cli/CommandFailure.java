package dev.portcullis.oauth.runtime.cli;

/**
 * A command cannot do what was asked: the message goes to standard error and the process exits
 * with {@link #exitCode()}. The message never contains a secret or key material.
 */
public final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * @param exitCode one of {@link ExitCode}
     * @param message  what went wrong, for the operator
     */
    public CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The process exit code. */
    public int exitCode() {
        return exitCode;
    }
}
