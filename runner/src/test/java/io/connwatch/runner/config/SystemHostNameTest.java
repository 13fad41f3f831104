package io.connwatch.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemHostNameTest {

    @Test
    void isTheLocalHostNameOrTheEnvironmentsFallback() {
        String expected;
        try {
            expected = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            expected = "from-env";
        }
        assertEquals(expected, new SystemHostName(Map.of("HOSTNAME", "from-env")).get());
    }
}
