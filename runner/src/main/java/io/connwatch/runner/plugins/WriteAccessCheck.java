package io.connwatch.runner.plugins;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a plugins folder or jar that someone other than root or the user connwatch runs as could change: a jar
 * there runs with connwatch's rights, so whoever can write it can run code as connwatch.
 *
 * <p>Refused: a group- or world-writable file or folder (the mode bits; POSIX ACLs are not looked at), and one
 * owned by a user other than root and the runner's own user (that owner could make it writable, or replace it).
 * Symbolic links are followed: what counts is the file that would be loaded.
 */
public final class WriteAccessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(WriteAccessCheck.class);
    private static final int ROOT = 0;

    private final int runnerUid;

    /** @param runnerUid the user id connwatch runs as */
    public WriteAccessCheck(int runnerUid) {
        this.runnerUid = runnerUid;
    }

    /** The check for this process: its effective user id from {@code /proc/self/status}. */
    public static WriteAccessCheck forThisProcess() {
        return new WriteAccessCheck(effectiveUid());
    }

    /**
     * Why {@code path} must not be loaded, if it must not.
     *
     * @param path a plugins folder or a jar in it
     * @return the reason, such as {@code it is world-writable (rwxrwxrwx): ...; fix it with: chmod go-w PATH}, or
     *         empty if only root or the runner's user can write it
     */
    public Optional<String> refusal(Path path) {
        PosixFileAttributes attributes;
        int ownerUid;
        try {
            attributes = Files.readAttributes(path, PosixFileAttributes.class);
            ownerUid = (Integer) Files.getAttribute(path, "unix:uid");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // Fail closed: what cannot be checked is not loaded.
            return Optional.of("it is on a file system without POSIX owners and permissions,"
                    + " so who can write it cannot be checked; move it to a local Linux file system");
        } catch (IOException e) {
            return Optional.of("who can write it cannot be checked: " + e);
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        boolean group = permissions.contains(PosixFilePermission.GROUP_WRITE);
        boolean others = permissions.contains(PosixFilePermission.OTHERS_WRITE);
        String mode = PosixFilePermissions.toString(permissions);
        if (group || others) {
            String who = others ? "every user" : "every member of group " + attributes.group().getName();
            return Optional.of("it is " + (others ? "world" : "group") + "-writable (" + mode
                    + "): " + who + " could put code in it that runs with connwatch's rights; fix it with: chmod go-w "
                    + path);
        }
        if (ownerUid != ROOT && ownerUid != runnerUid) {
            return Optional.of("it belongs to " + attributes.owner().getName() + " (uid " + ownerUid
                    + "), who is neither root nor the user connwatch runs as (uid " + runnerUid + "), and could"
                    + " change it to run code with connwatch's rights; fix it with: chown root " + path);
        }
        return Optional.empty();
    }

    private static int effectiveUid() {
        try {
            // "Uid:\treal\teffective\tsaved\tfilesystem"
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    List<String> fields = List.of(line.substring(4).trim().split("\\s+"));
                    return Integer.parseInt(fields.get(1));
                }
            }
            throw new IllegalStateException("/proc/self/status has no Uid: line");
        } catch (IOException | RuntimeException e) {
            // connwatch runs on Linux; without /proc only root is trusted, which fails closed.
            LOG.warn("cannot read this process's user id ({}); only plugins owned by root will load", e.toString());
            return ROOT;
        }
    }
}
