package io.connwatch.sinks.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import org.junit.jupiter.api.Test;

/** The stand-in itself: a request in another protocol than awsQuery must fail the test, naming the protocol. */
class CloudWatchStandInTest {

    @Test
    void aSmithyRpcV2CborRequestFailsLoudlyNamingTheProtocol() throws Exception {
        try (CloudWatchStandIn cloudWatch = new CloudWatchStandIn()) {
            HttpURLConnection connection = (HttpURLConnection) cloudWatch.endpoint()
                    .resolve("/service/GraniteServiceVersion20100801/operation/PutMetricData").toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/cbor");
            connection.setRequestProperty("Smithy-Protocol", "rpc-v2-cbor");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(new byte[] {(byte) 0xbf, (byte) 0xff}); // an empty CBOR map
            }
            assertEquals(400, connection.getResponseCode());

            AssertionError e = assertThrows(AssertionError.class, cloudWatch::requests);
            assertTrue(e.getMessage().contains("Smithy RPC v2 CBOR"), e.getMessage());
            assertTrue(e.getMessage().contains("GraniteServiceVersion20100801"), e.getMessage());
        }
    }
}
