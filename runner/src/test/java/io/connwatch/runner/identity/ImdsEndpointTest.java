package io.connwatch.runner.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the metadata service is, from the environment; no request is made. */
class ImdsEndpointTest {

    @Test
    void defaultsToTheIpv4AddressAndHonoursTheEndpointMode() {
        assertEquals(URI.create("http://169.254.169.254"), ImdsEndpoint.resolve(Map.of()));
        assertEquals(URI.create("http://[fd00:ec2::254]"),
                ImdsEndpoint.resolve(Map.of(ImdsEndpoint.MODE_VARIABLE, "IPv6")));
        assertEquals(URI.create("http://169.254.169.254"),
                ImdsEndpoint.resolve(Map.of(ImdsEndpoint.MODE_VARIABLE, "IPv4")));
    }

    @Test
    void theEndpointVariableWinsWithoutItsTrailingSlash() {
        assertEquals(URI.create("http://127.0.0.1:1338"), ImdsEndpoint.resolve(Map.of(
                ImdsEndpoint.ENDPOINT_VARIABLE, "http://127.0.0.1:1338/", ImdsEndpoint.MODE_VARIABLE, "IPv6")));
    }

    @Test
    void aBadValueIsNamed() {
        IllegalArgumentException endpoint = assertThrows(IllegalArgumentException.class,
                () -> ImdsEndpoint.resolve(Map.of(ImdsEndpoint.ENDPOINT_VARIABLE, "169.254.169.254")));
        assertTrue(endpoint.getMessage().startsWith("AWS_EC2_METADATA_SERVICE_ENDPOINT is \"169.254.169.254\""),
                endpoint.getMessage());
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> ImdsEndpoint.resolve(Map.of(ImdsEndpoint.MODE_VARIABLE, "dual")));
        assertTrue(mode.getMessage().contains("not IPv4 or IPv6"), mode.getMessage());
    }
}
