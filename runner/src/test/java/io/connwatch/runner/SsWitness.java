package io.connwatch.runner;

import io.connwatch.api.TcpState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The kernel's witness: how many sockets {@code ss} lists for a state and a port filter. */
final class SsWitness {

    private SsWitness() {
    }

    /**
     * {@code ss -Htan state STATE '( sport = :P1 or sport = :P2 )'} (or {@code dport}), counted.
     *
     * @param state  the state
     * @param local  true for {@code sport}, false for {@code dport}
     * @param ports  the ports
     * @return the number of sockets ss lists
     * @throws AssertionError if ss cannot be run, fails, or this thread is interrupted
     */
    static int count(TcpState state, boolean local, int... ports) {
        String filter = Arrays.stream(ports).mapToObj(p -> (local ? "sport" : "dport") + " = :" + p)
                .collect(Collectors.joining(" or ", "( ", " )"));
        return lines(state.ssName(), filter);
    }

    /**
     * Whether {@code port} is used by one socket only (the listener just bound to it). A TIME_WAIT socket left by
     * an earlier connection to an earlier listener on the same port number lives 60 s and would be counted with
     * this test's sockets.
     */
    static boolean usedOnlyByItsListener(int port) {
        return lines("all", "( sport = :" + port + " or dport = :" + port + " )") == 1;
    }

    private static int lines(String state, String filter) {
        try {
            Process p = new ProcessBuilder("ss", "-Htan", "state", state, filter).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("ss state " + state + " " + filter + " did not finish within 10 s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("ss state " + state + " " + filter + " failed: " + out);
            }
            return (int) out.lines().filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            throw new AssertionError("could not run ss state " + state + " " + filter, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for ss state " + state + " " + filter, e);
        }
    }
}
