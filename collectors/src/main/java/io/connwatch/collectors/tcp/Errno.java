package io.connwatch.collectors.tcp;

/**
 * Names the errno values that socket and netlink calls return, for error messages an operator can act on. The
 * numbers are Linux's generic ones, the same on x86, arm and most other architectures.
 */
final class Errno {

    static final int EINTR = 4;
    static final int EAGAIN = 11;

    private Errno() {
    }

    /** Such as {@code "EPERM (operation not permitted)"}, or {@code "errno 200"} for a number not listed here. */
    static String describe(int errno) {
        String name = switch (errno) {
            case 1 -> "EPERM (operation not permitted)";
            case 2 -> "ENOENT (no such file or directory: is the tcp_diag module available?)";
            case EINTR -> "EINTR (interrupted system call)";
            case 9 -> "EBADF (bad file descriptor)";
            case EAGAIN -> "EAGAIN (no reply in time)";
            case 12 -> "ENOMEM (out of memory)";
            case 13 -> "EACCES (permission denied)";
            case 16 -> "EBUSY (a dump is already running on this socket)";
            case 22 -> "EINVAL (invalid argument)";
            case 24 -> "EMFILE (too many open files)";
            case 38 -> "ENOSYS (function not implemented)";
            case 93 -> "EPROTONOSUPPORT (protocol not supported)";
            case 95 -> "EOPNOTSUPP (operation not supported)";
            case 97 -> "EAFNOSUPPORT (address family not supported)";
            case 105 -> "ENOBUFS (no buffer space available)";
            default -> null;
        };
        return name != null ? name : "errno " + errno;
    }
}
