package io.connwatch.runner.command;

import io.connwatch.api.Collector;
import io.connwatch.collectors.tcp.CycleStats;
import io.connwatch.collectors.tcp.TcpStatesCollector;
import io.connwatch.runner.pipeline.ActivePlugin;
import io.connwatch.runner.pipeline.CollectionResult;
import io.connwatch.runner.pipeline.Pipeline;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code connwatch bench}: runs collection cycles in one warm process, sends nothing, and prints the reader used,
 * the sockets seen and the minimum, median and maximum time per cycle.
 */
public final class BenchRun {

    /** Cycles run first and not counted, so that the JIT has compiled the hot loop. */
    static final int WARM_UP_CYCLES = 5;

    /**
     * Runs the benchmark.
     *
     * @param prepared the configuration and its pipeline; its sinks are not used
     * @param cycles   how many cycles to time
     * @param out      where to print
     * @return {@link ExitCode#OK}, or {@link ExitCode#FAILED} if a collector failed
     */
    public int run(Startup.Prepared prepared, int cycles, PrintStream out) {
        Pipeline pipeline = prepared.pipeline();
        int failures = 0;
        for (int i = 0; i < WARM_UP_CYCLES; i++) {
            failures += pipeline.collect(Instant.now()).failedCollectors();
        }
        long[] nanos = new long[cycles];
        int metrics = 0;
        for (int i = 0; i < cycles; i++) {
            long start = System.nanoTime();
            CollectionResult r = pipeline.collect(Instant.now());
            nanos[i] = System.nanoTime() - start;
            failures += r.failedCollectors();
            metrics = r.metrics().size();
        }
        for (ActivePlugin<Collector> c : pipeline.collectors()) {
            if (c.plugin() instanceof TcpStatesCollector tcp) {
                out.println("reader: " + tcp.readerName() + " (" + c.path() + ")");
                tcp.lastCycleStats().ifPresent(s -> printStats(s, out));
            } else {
                out.println("collector: " + c.type() + " (" + c.path() + ")");
            }
        }
        Arrays.sort(nanos);
        out.println("cycles: " + cycles + " (after " + WARM_UP_CYCLES + " warm-up), metrics per cycle: " + metrics);
        out.println("min " + ms(nanos[0]) + " ms");
        out.println("median " + ms(median(nanos)) + " ms");
        out.println("max " + ms(nanos[cycles - 1]) + " ms");
        if (failures > 0) {
            out.println("collector failures: " + failures + " (see the log)");
        }
        out.flush();
        return failures == 0 ? ExitCode.OK : ExitCode.FAILED;
    }

    private static void printStats(CycleStats s, PrintStream out) {
        out.println("sockets: " + s.socketsSeen() + (s.malformedLines() > 0 ? ", malformed lines: " + s.malformedLines() : ""));
    }

    private static long median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }
}
