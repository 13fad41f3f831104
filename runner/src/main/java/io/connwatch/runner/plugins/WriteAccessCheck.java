package io.connwatch.runner.plugins;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 *
 * <p>The same rule holds for every folder above it, up to {@code /}, as sshd's StrictModes does: whoever can write
 * a folder above can rename what is in it and put other code in its place, which the class loader then reads
 * lazily for the whole run. The folders checked are those above the real path (all links resolved) and those above
 * the path as given (whose writers could re-point a link on the way). One exception: a group- or world-writable
 * folder with the sticky bit (such as {@code /tmp}) is accepted when the entry below it belongs to root or the
 * runner's user, because then nobody else can rename or remove that entry.
 */
public final class WriteAccessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(WriteAccessCheck.class);
    private static final int ROOT = 0;
    /** S_ISVTX: the sticky bit of {@code unix:mode}. */
    private static final int STICKY = 01000;

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
     * @return the reason, such as {@code it is world-writable (rwxrwxrwx): ...; fix it with: chmod go-w PATH} or
     *         {@code the folder /opt above it is group-writable (rwxrwxr-x): ...; fix it with: chmod go-w /opt}, or
     *         empty if only root or the runner's user can write it and every folder above it
     */
    public Optional<String> refusal(Path path) {
        try {
            Optional<String> refused = ownRefusal(path);
            if (refused.isPresent()) {
                return refused;
            }
            Path real = path.toRealPath();
            Path given = path.toAbsolutePath();
            refused = refusalAbove(real, real.equals(given) ? "it" : "its real path " + real);
            if (refused.isEmpty() && !real.equals(given)) {
                refused = refusalAbove(given, "it");
            }
            return refused;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // Fail closed: what cannot be checked is not loaded.
            return Optional.of("it is on a file system without POSIX owners and permissions,"
                    + " so who can write it cannot be checked; move it to a local Linux file system");
        } catch (IOException e) {
            return Optional.of("who can write it cannot be checked: " + e);
        }
    }

    private Optional<String> ownRefusal(Path path) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class);
        int ownerUid = (Integer) Files.getAttribute(path, "unix:uid");
        String mode = PosixFilePermissions.toString(attributes.permissions());
        Optional<String> writers = otherWriters(attributes);
        if (writers.isPresent()) {
            return Optional.of("it is " + writers.get() + " could put code in it that runs with connwatch's rights;"
                    + " fix it with: chmod go-w " + path);
        }
        if (!trusted(ownerUid)) {
            return Optional.of("it belongs to " + untrusted(attributes.owner().getName() + " (uid " + ownerUid + ")")
                    + ", and could change it to run code with connwatch's rights; fix it with: chown root " + path);
        }
        return Optional.empty();
    }

    /** Checks each folder above {@code start}, nearest first; {@code what} names start in the message. */
    private Optional<String> refusalAbove(Path start, String what) throws IOException {
        for (Path entry = start; entry.getParent() != null; entry = entry.getParent()) {
            Path folder = entry.getParent();
            String named = "the folder " + folder + " above " + what;
            PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class);
            Optional<String> writers = otherWriters(attributes);
            if (writers.isPresent() && !sticky(folder)) {
                return Optional.of(named + " is " + writers.get() + " could rename what is in it and put code in"
                        + " its place that runs with connwatch's rights; fix it with: chmod go-w " + folder);
            }
            if (writers.isPresent()) {
                // Sticky: only the entry's owner (or the folder's, checked below) may rename or remove it. The
                // entry itself, not a link's target, is what would be swapped.
                int entryUid = (Integer) Files.getAttribute(entry, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                if (!trusted(entryUid)) {
                    return Optional.of(named + " is " + writers.get() + " could rename what is in it; its sticky"
                            + " bit keeps that to each entry's owner, but " + entry + " belongs to "
                            + untrusted("uid " + entryUid) + "; fix it with: chown -h root " + entry);
                }
            }
            int ownerUid = (Integer) Files.getAttribute(folder, "unix:uid");
            if (!trusted(ownerUid)) {
                return Optional.of(named + " belongs to "
                        + untrusted(attributes.owner().getName() + " (uid " + ownerUid + ")") + ", and could rename"
                        + " what is in it and put code in its place that runs with connwatch's rights;"
                        + " fix it with: chown root " + folder);
            }
        }
        return Optional.empty();
    }

    /** Who besides the owner can write, as {@code "world-writable (rwxrwxrwx): every user"}, if anyone can. */
    private static Optional<String> otherWriters(PosixFileAttributes attributes) {
        Set<PosixFilePermission> permissions = attributes.permissions();
        boolean group = permissions.contains(PosixFilePermission.GROUP_WRITE);
        boolean others = permissions.contains(PosixFilePermission.OTHERS_WRITE);
        if (!group && !others) {
            return Optional.empty();
        }
        String who = others ? "every user" : "every member of group " + attributes.group().getName();
        return Optional.of((others ? "world" : "group") + "-writable ("
                + PosixFilePermissions.toString(permissions) + "): " + who);
    }

    /** Whether {@code folder} has the sticky bit; false where {@code unix:mode} cannot be read (the strict rule). */
    private static boolean sticky(Path folder) throws IOException {
        Object mode;
        try {
            mode = Files.getAttribute(folder, "unix:mode");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            LOG.debug("no unix:mode for {} ({}); its sticky bit is not trusted", folder, e.toString());
            return false;
        }
        return mode instanceof Integer bits && (bits & STICKY) != 0;
    }

    private String untrusted(String owner) {
        return owner + ", who is neither root nor the user connwatch runs as (uid " + runnerUid + ")";
    }

    private boolean trusted(int uid) {
        return uid == ROOT || uid == runnerUid;
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
