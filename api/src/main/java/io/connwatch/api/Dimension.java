package io.connwatch.api;

import java.util.Objects;

/**
 * One name/value pair that qualifies a metric, such as {@code InstanceId = i-0abc}.
 *
 * @param name  the dimension's name; not blank
 * @param value the dimension's value; not blank
 */
public record Dimension(String name, String value) {

    /** Checks that both parts are present. */
    public Dimension {
        Objects.requireNonNull(name, "dimension name");
        Objects.requireNonNull(value, "dimension value");
        if (name.isBlank()) {
            throw new IllegalArgumentException("dimension name is blank");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("dimension " + name + " has a blank value");
        }
    }
}
