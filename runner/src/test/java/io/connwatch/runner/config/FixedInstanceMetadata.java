package io.connwatch.runner.config;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Instance metadata from a fixed map, counting lookups; the reason for a missing key is fixed too. */
final class FixedInstanceMetadata implements InstanceMetadata {

    static final String REASON = "the instance metadata service did not answer within 2 s";

    private final Map<String, String> values;
    final AtomicInteger lookups = new AtomicInteger();

    FixedInstanceMetadata(Map<String, String> values) {
        this.values = values;
    }

    @Override
    public Optional<String> lookup(String key) {
        lookups.incrementAndGet();
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public String unavailableReason(String key) {
        return REASON;
    }
}
