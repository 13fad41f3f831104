package io.connwatch.collectors.tcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.connwatch.api.TcpState;

/** Asks {@code ss}, the kernel's own witness over netlink, what it lists for a state and filter. */
final class SsWitness {

    private SsWitness() {
    }

    /**
     * The number of sockets {@code ss -Htan state STATE FILTER} lists.
     *
     * @param filter such as {@code ( sport = :8080 )}
     */
    static long count(TcpState state, String filter) throws IOException, InterruptedException {
        return run("ss", "-Htan", "state", state.ssName(), filter).size();
    }

    /** Like {@link #count} but only the IPv6 table ({@code ss -6}). */
    static long countIpv6(TcpState state, String filter) throws IOException, InterruptedException {
        return run("ss", "-Htan6", "state", state.ssName(), filter).size();
    }

    /** The accept queues (Recv-Q) of the listeners on local port {@code port}, summed. */
    static long listenQueue(int port) throws IOException, InterruptedException {
        return sumListenerColumn(port, 0);
    }

    /** Sums column Recv-Q ({@code column} 0) or Send-Q (1) over the listeners on {@code port}. */
    private static long sumListenerColumn(int port, int column) throws IOException, InterruptedException {
        long sum = 0;
        for (String line : run("ss", "-Htan", "state", TcpState.LISTEN.ssName(), "( sport = :" + port + " )")) {
            String[] columns = line.trim().split("\\s+");
            // With one state asked for, ss leaves out the State column; Recv-Q comes first.
            int recvQ = columns[0].chars().allMatch(Character::isDigit) ? 0 : 1;
            sum += Long.parseLong(columns[recvQ + column]);
        }
        return sum;
    }

    /**
     * Whether {@code port} is used by one socket only (the listener just bound to it). A TIME_WAIT socket left by
     * an earlier connection to an earlier listener on the same port number lives 60 s and would be counted with
     * this test's sockets.
     */
    static boolean usedOnlyByItsListener(int port) throws IOException, InterruptedException {
        return run("ss", "-Htan", "state", "all", "( sport = :" + port + " or dport = :" + port + " )").size() == 1;
    }

    /** The backlog limits (Send-Q) of the listeners on local port {@code port}, summed. */
    static long listenBacklog(int port) throws IOException, InterruptedException {
        return sumListenerColumn(port, 1);
    }

    private static List<String> run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within 10 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": " + err);
        }
        List<String> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
