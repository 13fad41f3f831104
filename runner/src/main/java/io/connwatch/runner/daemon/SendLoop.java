package io.connwatch.runner.daemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sending thread: sends each closed window (and whatever waits in the outboxes) to every sink, apart from the
 * sampling thread so that a slow or unreachable backend never delays a sample. Windows that close while a send is
 * under way go together in the next one.
 */
final class SendLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SendLoop.class);

    /**
     * A closed window, for the log line.
     *
     * @param start       its start
     * @param samples     how many samples it had
     * @param socketsSeen the sockets the last sample's socket-table walk saw, or -1 if none walked it
     */
    record ClosedWindow(Instant start, int samples, long socketsSeen) {
    }

    private final List<SinkDelivery> sinks;
    private final DaemonClock clock;
    private final boolean dryRun;
    private final PrintStream out;
    private final Object lock = new Object();
    private final List<ClosedWindow> closed = new ArrayList<>();
    private boolean lastRequested;
    private final AtomicLong sends = new AtomicLong();

    SendLoop(List<SinkDelivery> sinks, DaemonClock clock, boolean dryRun, PrintStream out) {
        this.sinks = List.copyOf(sinks);
        this.clock = clock;
        this.dryRun = dryRun;
        this.out = out;
    }

    /** Asks for a send: {@code window} has been added to every outbox. */
    void windowClosed(ClosedWindow window) {
        synchronized (lock) {
            closed.add(window);
            lock.notifyAll();
        }
    }

    /** Asks for one last send of everything held, after which the loop ends. */
    void finish() {
        synchronized (lock) {
            lastRequested = true;
            lock.notifyAll();
        }
    }

    /** Sends completed so far. */
    long sends() {
        return sends.get();
    }

    @Override
    public void run() {
        while (true) {
            List<ClosedWindow> windows;
            boolean last;
            synchronized (lock) {
                while (closed.isEmpty() && !lastRequested) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        LOG.warn("the sending thread was interrupted; what is buffered stays unsent");
                        return;
                    }
                }
                windows = List.copyOf(closed);
                closed.clear();
                last = lastRequested;
            }
            try {
                sendOnce(windows, last);
            } catch (RuntimeException | Error e) {
                // The sending thread must outlive any one send: if it died, sampling would go on with nothing sent
                // and nobody told. What the failed send had taken is lost; the log says so.
                LOG.error("a send failed unexpectedly; its datums are lost, the next send goes on: {}", e.toString(), e);
            }
            if (last) {
                return;
            }
        }
    }

    private void sendOnce(List<ClosedWindow> windows, boolean last) {
        long started = System.nanoTime();
        StringBuilder line = new StringBuilder(last ? "final send" : "send");
        if (windows.size() == 1) {
            ClosedWindow w = windows.get(0);
            line.append(" of window ").append(w.start()).append(" (").append(w.samples())
                    .append(w.samples() == 1 ? " sample" : " samples")
                    .append(w.socketsSeen() < 0 ? "" : ", " + w.socketsSeen() + " sockets seen in the last").append(')');
        } else if (windows.size() > 1) {
            line.append(" of ").append(windows.size()).append(" windows from ").append(windows.get(0).start());
        }
        boolean anything = false;
        String separator = ": ";
        for (SinkDelivery d : sinks) {
            SinkDelivery.Result r = d.send(clock.wallTime(), dryRun, out);
            anything |= r.attempted() > 0;
            line.append(separator).append(d.describe()).append(' ')
                    .append(dryRun ? "previewed " : "delivered ").append(r.delivered()).append(" of ")
                    .append(r.attempted()).append(" datums, ").append(d.outbox().size()).append(" buffered, ")
                    .append(d.outbox().dropped()).append(" dropped");
            separator = "; ";
        }
        sends.incrementAndGet();
        if (anything || !windows.isEmpty()) {
            line.append("; ").append((System.nanoTime() - started) / 1_000_000).append(" ms");
            LOG.info("{}", line);
        }
    }
}
