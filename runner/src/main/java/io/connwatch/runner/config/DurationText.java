package io.connwatch.runner.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the configuration writes them: a whole number and a unit, {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}. */
final class DurationText {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private DurationText() {
    }

    /**
     * Parses {@code text}.
     *
     * @param text the value as written
     * @return the duration
     * @throws IllegalArgumentException with the problem as a message fragment when {@code text} is no such duration
     */
    static Duration parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            String hint = text.trim().matches("\\d+") ? " (a unit is required, such as " + text.trim() + "s)" : "";
            throw new IllegalArgumentException("'" + text + "' is not a duration" + hint
                    + "; write a whole number and a unit: 500ms, 10s, 5m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "ms":
                return Duration.ofMillis(n);
            case "s":
                return Duration.ofSeconds(n);
            case "m":
                return Duration.ofMinutes(n);
            default:
                return Duration.ofHours(n);
        }
    }

    /** {@code d} in seconds, or milliseconds when it is not whole seconds: {@code 90s}, {@code 1500ms}. */
    static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
