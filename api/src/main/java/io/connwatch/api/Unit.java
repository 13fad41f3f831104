package io.connwatch.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The unit of a metric's value, with the names Amazon CloudWatch uses for them.
 *
 * <p>Sinks for other backends map these as they see fit; {@link #cloudWatchName()} is the spelling that
 * appears in the stdout sink's JSON and in CloudWatch.
 */
public enum Unit {
    SECONDS("Seconds"),
    MICROSECONDS("Microseconds"),
    MILLISECONDS("Milliseconds"),
    BYTES("Bytes"),
    KILOBYTES("Kilobytes"),
    MEGABYTES("Megabytes"),
    GIGABYTES("Gigabytes"),
    TERABYTES("Terabytes"),
    BITS("Bits"),
    KILOBITS("Kilobits"),
    MEGABITS("Megabits"),
    GIGABITS("Gigabits"),
    TERABITS("Terabits"),
    PERCENT("Percent"),
    COUNT("Count"),
    BYTES_PER_SECOND("Bytes/Second"),
    KILOBYTES_PER_SECOND("Kilobytes/Second"),
    MEGABYTES_PER_SECOND("Megabytes/Second"),
    GIGABYTES_PER_SECOND("Gigabytes/Second"),
    TERABYTES_PER_SECOND("Terabytes/Second"),
    BITS_PER_SECOND("Bits/Second"),
    KILOBITS_PER_SECOND("Kilobits/Second"),
    MEGABITS_PER_SECOND("Megabits/Second"),
    GIGABITS_PER_SECOND("Gigabits/Second"),
    TERABITS_PER_SECOND("Terabits/Second"),
    COUNT_PER_SECOND("Count/Second"),
    NONE("None");

    private final String cloudWatchName;

    Unit(String cloudWatchName) {
        this.cloudWatchName = cloudWatchName;
    }

    /** The unit's name as CloudWatch spells it, for example {@code Count} or {@code Bytes/Second}. */
    public String cloudWatchName() {
        return cloudWatchName;
    }

    /**
     * The unit whose CloudWatch name is {@code name}, ignoring case.
     *
     * @param name a CloudWatch unit name such as {@code Count}
     * @return the unit, or empty if CloudWatch has no unit of that name
     */
    public static Optional<Unit> ofCloudWatchName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Unit unit : values()) {
            if (unit.cloudWatchName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }
}
