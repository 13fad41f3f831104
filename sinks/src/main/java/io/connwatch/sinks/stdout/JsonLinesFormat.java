package io.connwatch.sinks.stdout;

import io.connwatch.api.Dimension;
import io.connwatch.api.Metric;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One JSON object per metric per line, exactly as PRODUCT.md shows:
 * {@code {"timestamp":"…","namespace":"…","name":"…","value":18000,"unit":"Count","dimensions":{…}}}.
 */
final class JsonLinesFormat implements MetricFormat {

    private final String defaultNamespace;

    JsonLinesFormat(String defaultNamespace) {
        this.defaultNamespace = defaultNamespace;
    }

    @Override
    public void render(List<Metric> metrics, StringBuilder out) {
        for (Metric m : metrics) {
            out.append("{\"timestamp\":");
            string(DateTimeFormatter.ISO_INSTANT.format(m.timestamp()), out);
            out.append(",\"namespace\":");
            string(m.namespace() != null ? m.namespace() : defaultNamespace, out);
            out.append(",\"name\":");
            string(m.name(), out);
            out.append(",\"value\":");
            number(m.value(), out);
            out.append(",\"unit\":");
            string(m.unit().cloudWatchName(), out);
            out.append(",\"dimensions\":{");
            boolean first = true;
            for (Dimension d : m.dimensions()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(d.name(), out);
                out.append(':');
                string(d.value(), out);
            }
            out.append("}}\n");
        }
    }

    /** Whole numbers print without a fraction ({@code 18000}, not {@code 18000.0}). */
    static void number(double value, StringBuilder out) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
        } else {
            out.append(value);
        }
    }

    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
