package io.connwatch.runner.command;

/** connwatch's exit statuses, as PRODUCT.md defines them. */
public final class ExitCode {

    /** Everything worked. */
    public static final int OK = 0;
    /** A cycle failed to deliver (once mode), or the daemon could not start. */
    public static final int FAILED = 1;
    /** Bad usage or bad configuration; nothing was sent. */
    public static final int BAD_CONFIG = 2;

    private ExitCode() {
    }
}
