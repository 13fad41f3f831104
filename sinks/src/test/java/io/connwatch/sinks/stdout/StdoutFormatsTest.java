package io.connwatch.sinks.stdout;

import io.connwatch.api.Dimension;
import io.connwatch.api.DeliveryException;
import io.connwatch.api.Metric;
import io.connwatch.api.Service;
import io.connwatch.api.TcpState;
import io.connwatch.api.Unit;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StdoutFormatsTest {

    private static final Instant T = Instant.parse("2026-11-24T14:00:00Z");

    @Test
    void jsonLineIsExactlyTheDocumentedShape() {
        Metric m = new Metric("EC2:WEB-Services", "http-cons-established", 18000, Unit.COUNT,
                List.of(new Dimension("InstanceId", "i-0abc")), T);
        StringBuilder sb = new StringBuilder();
        new JsonLinesFormat("connwatch").render(List.of(m), sb);
        assertEquals("{\"timestamp\":\"2026-11-24T14:00:00Z\",\"namespace\":\"EC2:WEB-Services\","
                + "\"name\":\"http-cons-established\",\"value\":18000,\"unit\":\"Count\","
                + "\"dimensions\":{\"InstanceId\":\"i-0abc\"}}\n", sb.toString());
    }

    @Test
    void jsonFillsTheDefaultNamespaceKeepsDimensionOrderAndEscapes() {
        Metric m = new Metric(null, "odd\"name", 0.25, Unit.BYTES_PER_SECOND,
                List.of(new Dimension("Z", "last\\first"), new Dimension("A", "tab\there")), T);
        StringBuilder sb = new StringBuilder();
        new JsonLinesFormat("connwatch").render(List.of(m, m), sb);
        String line = "{\"timestamp\":\"2026-11-24T14:00:00Z\",\"namespace\":\"connwatch\",\"name\":\"odd\\\"name\","
                + "\"value\":0.25,\"unit\":\"Bytes/Second\",\"dimensions\":{\"Z\":\"last\\\\first\",\"A\":\"tab\\there\"}}\n";
        assertEquals(line + line, sb.toString());
    }

    @Test
    void tableAlignsColumnsAndNamesServiceAndState() {
        Service web = new Service("web", List.of(80, 443), List.of(), EnumSet.allOf(TcpState.class), null,
                Service.DEFAULT_METRIC_NAME);
        List<Metric> metrics = List.of(
                Metric.of("web-cons-established", 12345, Unit.COUNT, T),
                Metric.of("web-cons-timewait", 7, Unit.COUNT, T),
                Metric.of("web-listen-queue", 0, Unit.COUNT, T),
                Metric.of("someone-elses-metric", 1.5, Unit.SECONDS, T));
        StringBuilder sb = new StringBuilder();
        new TableFormat(List.of(web)).render(metrics, sb);
        assertEquals("""
                SERVICE  STATE         VALUE  UNIT     METRIC
                web      established   12345  Count    web-cons-established
                web      timewait          7  Count    web-cons-timewait
                web      listen-queue      0  Count    web-listen-queue
                -        -               1.5  Seconds  someone-elses-metric
                """, sb.toString());
    }

    @Test
    void aBrokenStdoutIsADeliveryFailureNotASilentSuccess() {
        PrintStream broken = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("Broken pipe");
            }
        });
        StdoutSink sink = new StdoutSink(new JsonLinesFormat("connwatch"), broken);
        List<Metric> metrics = List.of(Metric.of("m", 1, Unit.COUNT, T));
        DeliveryException e = assertThrows(DeliveryException.class, () -> sink.publish(metrics));
        assertEquals(metrics, e.undelivered());
    }

    @Test
    void previewPrintsWhatPublishWould() throws Exception {
        ByteArrayOutputStream published = new ByteArrayOutputStream();
        ByteArrayOutputStream previewed = new ByteArrayOutputStream();
        StdoutSink sink = new StdoutSink(new JsonLinesFormat("connwatch"),
                new PrintStream(published, true, StandardCharsets.UTF_8));
        List<Metric> metrics = List.of(Metric.of("m", 3, Unit.COUNT, T));
        sink.preview(metrics, new PrintStream(previewed, true, StandardCharsets.UTF_8));
        assertEquals(0, published.size(), "preview must not publish");
        sink.publish(metrics);
        assertEquals(published.toString(StandardCharsets.UTF_8), previewed.toString(StandardCharsets.UTF_8));
        assertTrue(previewed.toString(StandardCharsets.UTF_8).contains("\"value\":3,"));
    }
}
