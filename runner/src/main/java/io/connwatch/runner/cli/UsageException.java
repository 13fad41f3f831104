package io.connwatch.runner.cli;

/** A command line connwatch cannot make sense of; it exits 2 with the message and a pointer to {@code --help}. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the command line */
    public UsageException(String message) {
        super(message);
    }
}
