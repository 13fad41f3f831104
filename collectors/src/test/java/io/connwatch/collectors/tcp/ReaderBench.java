package io.connwatch.collectors.tcp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.connwatch.api.Metric;
import io.connwatch.api.Service;

/**
 * A development stand-in for {@code connwatch bench}, for measuring the readers before the runner's command
 * exists: {@code ReaderBench SOURCE CYCLES PORT[,PORT...]} with SOURCE {@code procfs}, {@code netlink} or
 * {@code netlink-loop} (netlink with the port filter in our loop instead of the kernel). Prints the reader, the
 * sockets seen, and min / median / max ms per cycle, as the command does; then the last cycle's metrics of the
 * one service {@code web} on those ports, one {@code metric NAME VALUE} a line, for comparing counts.
 */
public final class ReaderBench {

    private ReaderBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ReaderBench procfs|netlink|netlink-loop CYCLES PORT[,PORT...]");
            System.exit(2);
        }
        int cycles = Integer.parseInt(args[1]);
        Integer[] ports = Arrays.stream(args[2].split(",")).map(Integer::valueOf).toArray(Integer[]::new);
        List<Service> services = List.of(TestServices.local("web", ports));
        WantedSockets wanted = WantedSockets.of(services);
        SocketTableReader reader = switch (args[0]) {
            case "procfs" -> new ProcfsSocketTableReader();
            case "netlink" -> new NetlinkSocketTableReader(wanted, true);
            case "netlink-loop" -> new NetlinkSocketTableReader(wanted, false);
            default -> throw new IllegalArgumentException("unknown source " + args[0]);
        };
        try (TcpStatesCollector collector = new TcpStatesCollector(reader, services)) {
            collector.collect(Instant.now()); // warm-up
            List<Double> ms = new ArrayList<>();
            List<Metric> last = List.of();
            for (int i = 0; i < cycles; i++) {
                long start = System.nanoTime();
                last = collector.collect(Instant.now());
                ms.add((System.nanoTime() - start) / 1e6);
            }
            ms.sort(null);
            CycleStats stats = collector.lastCycleStats().orElseThrow();
            System.out.println("reader " + args[0]);
            System.out.println("sockets seen " + stats.socketsSeen());
            System.out.printf(Locale.ROOT, "cycles %d: min %.1f ms, median %.1f ms, max %.1f ms%n", cycles,
                    ms.get(0), ms.get(ms.size() / 2), ms.get(ms.size() - 1));
            for (Metric m : last) {
                System.out.printf(Locale.ROOT, "metric %s %d%n", m.name(), (long) m.value());
            }
        }
    }
}
