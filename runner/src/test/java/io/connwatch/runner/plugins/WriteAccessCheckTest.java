package io.connwatch.runner.plugins;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteAccessCheckTest {

    @TempDir
    Path dir;

    private static int uid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid");
    }

    private Path file(String mode) throws IOException {
        Path f = Files.writeString(dir.resolve("p-" + mode + ".jar"), "x");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
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
}
