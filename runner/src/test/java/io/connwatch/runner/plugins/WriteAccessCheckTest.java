package io.connwatch.runner.plugins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class WriteAccessCheckTest {

    @TempDir
    Path dir;

    private static int uid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid");
    }

    private Path file(String mode) throws IOException {
        return file(dir.resolve("p-" + mode + ".jar"), mode);
    }

    private static Path file(Path path, String mode) throws IOException {
        Files.writeString(path, "x");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        return path;
    }

    private Path folder(Path path, String mode) throws IOException {
        Files.createDirectories(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        return path;
    }

    /** {@code dir/shared/plugins}, shared world-writable (not sticky), the others only writable by their owner. */
    private Path pluginsInSharedFolder() throws IOException {
        folder(dir, "rwxr-xr-x");
        Path shared = folder(dir.resolve("shared"), "rwxrwxrwx");
        return folder(shared.resolve("plugins"), "rwxr-xr-x");
    }

    /** {@code dir/safe/plugins}, each folder only writable by its owner. */
    private Path safePlugins() throws IOException {
        folder(dir, "rwxr-xr-x");
        folder(dir.resolve("safe"), "rwxr-xr-x");
        return folder(dir.resolve("safe/plugins"), "rwxr-xr-x");
    }

    private static String worldWritableAbove(Path folder, String what) {
        return "the folder " + folder + " above " + what + " is world-writable (rwxrwxrwx): every user could rename"
                + " what is in it and put code in its place that runs with connwatch's rights; fix it with:"
                + " chmod go-w " + folder;
    }

    @Test
    void writableByItsOwnerOnlyIsAccepted() throws IOException {
        Path f = file("rw-r--r--");
        assertEquals(Optional.empty(), new WriteAccessCheck(uid(f)).refusal(f));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(Optional.empty(), new WriteAccessCheck(uid(dir)).refusal(dir));
    }

    @Test
    void groupWritableIsRefusedWithTheFix() throws IOException {
        Path f = file("rw-rw-r--");
        String why = new WriteAccessCheck(uid(f)).refusal(f).orElseThrow();
        assertTrue(why.startsWith("it is group-writable (rw-rw-r--): every member of group "), why);
        assertTrue(why.endsWith("fix it with: chmod go-w " + f), why);
    }

    @Test
    void worldWritableFolderIsRefusedWithTheFix() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        String why = new WriteAccessCheck(uid(dir)).refusal(dir).orElseThrow();
        assertTrue(why.startsWith("it is world-writable (rwxrwxrwx): every user could put code in it"), why);
        assertTrue(why.endsWith("chmod go-w " + dir), why);
    }

    @Test
    void ownedByAnotherUserWhoIsNotRootIsRefused() throws IOException {
        Path f = file("rw-r--r--");
        int owner = uid(f);
        int runner;
        if (owner == 0) {
            // Running as root: give the file to another user, as an operator's mistake would.
            Files.setAttribute(f, "unix:uid", 65534);
            runner = 0;
        } else {
            runner = owner + 1;
        }
        String why = new WriteAccessCheck(runner).refusal(f).orElseThrow();
        assertTrue(why.contains("neither root nor the user connwatch runs as (uid " + runner + ")")
                && why.endsWith("fix it with: chown root " + f), why);
    }

    @Test
    void ownedByRootIsAcceptedWhoeverRunsConnwatch() throws IOException {
        // A file every Linux system has, root's and not group- or world-writable (what /opt/connwatch would be).
        Path passwd = Path.of("/etc/passwd");
        assertEquals(0, uid(passwd));
        assertEquals(Optional.empty(), new WriteAccessCheck(1234).refusal(passwd));
    }

    @Test
    void aMissingFileCannotBeCheckedSoItIsRefused() {
        String why = new WriteAccessCheck(0).refusal(dir.resolve("gone.jar")).orElseThrow();
        assertTrue(why.startsWith("who can write it cannot be checked: java.nio.file.NoSuchFileException"), why);
    }

    @Test
    void aFolderUnderAWorldWritableFolderWithoutTheStickyBitIsRefusedNamingThatFolder() throws IOException {
        Path plugins = pluginsInSharedFolder();
        Path shared = plugins.getParent();
        Path jar = file(plugins.resolve("a.jar"), "rw-r--r--");
        WriteAccessCheck check = new WriteAccessCheck(uid(plugins));
        assertEquals(Optional.of(worldWritableAbove(shared, "it")), check.refusal(plugins));
        // Its jars too: each is checked up to the root on its own.
        assertEquals(Optional.of(worldWritableAbove(shared, "it")), check.refusal(jar));
    }

    @Test
    void aFolderUnderAStickyWorldWritableFolderIsAccepted() throws IOException {
        Path plugins = pluginsInSharedFolder();
        Path shared = plugins.getParent();
        Files.setAttribute(shared, "unix:mode", 01777);
        assertEquals(01777, (Integer) Files.getAttribute(shared, "unix:mode") & 07777, "shared is mode 1777");
        assertEquals(Optional.empty(), new WriteAccessCheck(uid(plugins)).refusal(plugins));
    }

    @Test
    void aLinkedJarWhoseTargetIsInAWorldWritableFolderIsRefusedNamingThatFolder() throws IOException {
        folder(dir, "rwxr-xr-x");
        Path plugins = folder(dir.resolve("plugins"), "rwxr-xr-x");
        Path drop = folder(dir.resolve("drop"), "rwxrwxrwx");
        Path target = file(drop.resolve("real.jar"), "rw-r--r--");
        Path link = Files.createSymbolicLink(plugins.resolve("a.jar"), target);
        assertEquals(Optional.of(worldWritableAbove(drop, "its real path " + target)),
                new WriteAccessCheck(uid(target)).refusal(link));
    }

    @Test
    void aFolderReachedThroughALinkInAWorldWritableFolderIsRefusedNamingThatFolder() throws IOException {
        // The target's folders are fine; but whoever can write the link's folder can point the link elsewhere.
        Path plugins = safePlugins();
        Path open = folder(dir.resolve("open"), "rwxrwxrwx");
        Path link = Files.createSymbolicLink(open.resolve("plugins"), plugins);
        WriteAccessCheck check = new WriteAccessCheck(uid(plugins));
        assertEquals(Optional.empty(), check.refusal(plugins));
        assertEquals(Optional.of(worldWritableAbove(open, "it")), check.refusal(link));
    }

    @Test
    void aLinkInAStickyFolderOwnedByAnotherUserIsRefused() throws IOException {
        assumeTrue(uid(dir) == 0, "needs root to give the link to another user");
        Path plugins = safePlugins();
        Path shared = folder(dir.resolve("shared"), "rwxrwxrwx");
        Files.setAttribute(shared, "unix:mode", 01777);
        Path link = Files.createSymbolicLink(shared.resolve("plugins"), plugins);
        WriteAccessCheck check = new WriteAccessCheck(0);
        assertEquals(Optional.empty(), check.refusal(link), "a sticky folder protects root's link");
        // The sticky bit lets the link's owner replace it, so that owner must be trusted too.
        Files.setAttribute(link, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        assertEquals(Optional.of("the folder " + shared + " above it is world-writable (rwxrwxrwx): every user could"
                + " rename what is in it; its sticky bit keeps that to each entry's owner, but " + link
                + " belongs to uid 65534, who is neither root nor the user connwatch runs as (uid 0); fix it with:"
                + " chown -h root " + link), check.refusal(link));
    }

    @Test
    void aFolderUnderAFolderOfAnotherUserIsRefusedNamingThatFolder() throws IOException {
        assumeTrue(uid(dir) == 0, "needs root to give the folder to another user");
        folder(dir, "rwxr-xr-x");
        Path theirs = folder(dir.resolve("theirs"), "rwxr-xr-x");
        Path plugins = folder(theirs.resolve("plugins"), "rwxr-xr-x");
        Files.setAttribute(theirs, "unix:uid", 65534);
        String why = new WriteAccessCheck(0).refusal(plugins).orElseThrow();
        assertTrue(why.startsWith("the folder " + theirs + " above it belongs to ")
                && why.contains(" (uid 65534), who is neither root nor the user connwatch runs as (uid 0), and could"
                + " rename what is in it") && why.endsWith("fix it with: chown root " + theirs), why);
    }
}
