package io.connwatch.runner.daemon;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The systemd unit and the cron line in config-examples/ say what the daemon and once mode need. */
class DaemonExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "config-examples");

    @Test
    void theSystemdUnitRunsTheDaemonUnprivilegedOnAReadOnlySystemAndWaitsForItsLastSend() throws Exception {
        List<String> lines = Files.readAllLines(EXAMPLES.resolve("connwatch.service")).stream()
                .filter(l -> !l.startsWith("#")).toList();
        for (String required : List.of("DynamicUser=yes", "NoNewPrivileges=yes", "ProtectSystem=strict",
                "ProtectHome=yes", "PrivateTmp=yes", "Restart=on-failure", "KillSignal=SIGTERM",
                "ExecStart=/opt/connwatch/bin/connwatch run --config /etc/connwatch/connwatch.yaml")) {
            assertTrue(lines.contains(required), "missing " + required);
        }
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("PrivateNetwork") || l.startsWith("ProcSubset")),
                "the daemon must see the host's sockets and /proc/net/tcp");
        String stop = lines.stream().filter(l -> l.startsWith("TimeoutStopSec=")).findFirst().orElseThrow();
        Matcher m = Pattern.compile("TimeoutStopSec=(\\d+)s").matcher(stop);
        assertTrue(m.matches(), stop);
        assertTrue(Duration.ofSeconds(Long.parseLong(m.group(1))).compareTo(DaemonRun.FLUSH_TIMEOUT.plusSeconds(5)) > 0,
                stop + " leaves too little time for the last send");
        assertTrue(lines.contains("RestrictAddressFamilies=AF_INET AF_INET6 AF_NETLINK AF_UNIX"), "netlink allowed");
    }

    @Test
    void theCronLineRunsOnceAMinuteAsAnUnprivilegedUser() throws Exception {
        List<String> entries = Files.readAllLines(EXAMPLES.resolve("connwatch.cron")).stream()
                .filter(l -> l.startsWith("* * * * *")).toList();
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).startsWith("* * * * * connwatch /opt/connwatch/bin/connwatch run --once --config "
                + "/etc/connwatch/connwatch.yaml"), entries.get(0));
    }
}
