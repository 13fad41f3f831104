package io.connwatch.runner;

import io.connwatch.api.TcpState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
     */
    static int count(TcpState state, boolean local, List<Integer> ports) throws IOException, InterruptedException {
        String filter = ports.stream().map(p -> (local ? "sport" : "dport") + " = :" + p)
                .collect(Collectors.joining(" or ", "( ", " )"));
        Process p = new ProcessBuilder("ss", "-Htan", "state", state.ssName(), filter).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ss failed: " + out);
        }
        return (int) out.lines().filter(l -> !l.isBlank()).count();
    }
}
