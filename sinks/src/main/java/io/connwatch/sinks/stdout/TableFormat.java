package io.connwatch.sinks.stdout;

import io.connwatch.api.Metric;
import io.connwatch.api.Service;
import io.connwatch.api.TcpState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An aligned table for people: service, state, count, and the metric's name. Metrics that belong to no
 * configured service (a third-party collector's) show {@code -} as service and state.
 */
final class TableFormat implements MetricFormat {

    private static final String[] HEADER = {"SERVICE", "STATE", "VALUE", "UNIT", "METRIC"};

    /** Metric name to its service and state, built once from the configured services. */
    private final Map<String, String[]> serviceAndState = new HashMap<>();

    TableFormat(List<Service> services) {
        for (Service s : services) {
            for (TcpState state : TcpState.values()) {
                serviceAndState.putIfAbsent(s.metricName(state), new String[]{s.name(), state.token()});
            }
            serviceAndState.putIfAbsent(s.listenQueueMetricName(), new String[]{s.name(), "listen-queue"});
            serviceAndState.putIfAbsent(s.listenBacklogMetricName(), new String[]{s.name(), "listen-backlog"});
        }
    }

    @Override
    public void render(List<Metric> metrics, StringBuilder out) {
        List<String[]> rows = new ArrayList<>(metrics.size() + 1);
        rows.add(HEADER);
        for (Metric m : metrics) {
            String[] owner = serviceAndState.getOrDefault(m.name(), new String[]{"-", "-"});
            StringBuilder value = new StringBuilder();
            JsonLinesFormat.number(m.value(), value);
            rows.add(new String[]{owner[0], owner[1], value.toString(), m.unit().cloudWatchName(), m.name()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                boolean last = i == row.length - 1;
                // Numbers align right, words left; the last column is not padded.
                if (i == 2) {
                    out.append(" ".repeat(widths[i] - row[i].length())).append(row[i]);
                } else {
                    out.append(row[i]);
                    if (!last) {
                        out.append(" ".repeat(widths[i] - row[i].length()));
                    }
                }
                out.append(last ? "\n" : "  ");
            }
        }
    }
}
