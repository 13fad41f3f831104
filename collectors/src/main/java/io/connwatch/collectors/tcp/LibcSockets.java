package io.connwatch.collectors.tcp;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The libc socket calls the netlink reader needs, bound through JNA's direct mapping: a static native method per
 * call, no proxy and no argument boxing, so a call costs about as much as a JNI call.
 *
 * <p>{@code size_t}/{@code ssize_t} are mapped to {@code long}, which is right on 64-bit Linux only; the reader
 * checks {@link #SIZE_T_IS_64_BIT} before using them. A failing call throws {@link LastErrorException} with errno.
 * Loading this class throws {@link UnsatisfiedLinkError} (or another {@link LinkageError}) where JNA's native part
 * cannot be loaded.
 */
final class LibcSockets {

    /** Whether {@code long} is {@code size_t} here. */
    static final boolean SIZE_T_IS_64_BIT = Native.SIZE_T_SIZE == 8;

    static {
        Native.register(LibcSockets.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private LibcSockets() {
    }

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int setsockopt(int fd, int level, int name, Pointer value, int length) throws LastErrorException;

    static native long sendto(int fd, Pointer buffer, long length, int flags, Pointer address, int addressLength)
            throws LastErrorException;

    static native long recv(int fd, Pointer buffer, long length, int flags) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;
}
