package io.connwatch.sinks.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connwatch.api.DeliveryException;
import io.connwatch.api.Dimension;
import io.connwatch.api.Metric;
import io.connwatch.api.Service;
import io.connwatch.api.Sink;
import io.connwatch.api.StatisticSet;
import io.connwatch.api.TcpState;
import io.connwatch.api.Unit;
import io.connwatch.api.testing.MapConfigEntry;
import io.connwatch.sinks.cloudwatch.CloudWatchStandIn.Fault;
import io.connwatch.sinks.cloudwatch.CloudWatchStandIn.ReceivedDatum;
import io.connwatch.sinks.cloudwatch.CloudWatchStandIn.ReceivedRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cloudwatch sink against a CloudWatch stand-in on 127.0.0.1, through the real AWS SDK. */
class CloudWatchSinkTest {

    private static final String WEB = "EC2:WEB-Services";
    private static final String DB = "EC2:Database-Services";
    private static final List<Dimension> INSTANCE = List.of(new Dimension("InstanceId", "i-0abc1234def567890"));

    private CloudWatchStandIn cloudWatch;
    private Sink sink;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void start() throws Exception {
        cloudWatch = new CloudWatchStandIn();
        sink = sink(Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        sink.close();
        cloudWatch.close();
    }

    private Sink sink(Map<String, Object> extraKeys) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("region", "eu-west-1");
        keys.put("endpoint", cloudWatch.endpoint().toString());
        keys.putAll(extraKeys);
        Service web = new Service("web", List.of(80, 443), List.of(), EnumSet.of(TcpState.ESTABLISHED), WEB,
                "http-cons-{state}");
        return new CloudWatchSinkProvider().create(MapConfigEntry.sink("cloudwatch", keys),
                new FixedPluginContext(List.of(web), "host-1"), FastRetryTuning.TUNING);
    }

    private Metric metric(String namespace, String name, double value) {
        return new Metric(namespace, name, value, Unit.COUNT, INSTANCE, now);
    }

    private List<Metric> many(String namespace, int count) {
        List<Metric> metrics = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            metrics.add(metric(namespace, "m-" + i, i));
        }
        return metrics;
    }

    @Test
    void namesNamespacesUnitsDimensionsValuesAndTimestampsRoundTrip() throws Exception {
        List<Dimension> awkward = List.of(new Dimension("InstanceId", "i-0abc"),
                new Dimension("Path", "/a b&c=d+é€"), new Dimension("Az", "eu-west-1a"));
        List<Metric> metrics = List.of(
                new Metric(WEB, "http-cons-established", 18000, Unit.COUNT, INSTANCE, now.minusSeconds(60)),
                new Metric(WEB, "http-cons-timewait", 0, Unit.COUNT, INSTANCE, now),
                new Metric(DB, "db-cons-established", 3.25, Unit.PERCENT, awkward, now.plusMillis(7)),
                new Metric(null, "throughput", 1.5e9, Unit.BYTES_PER_SECOND, List.of(), now));

        sink.publish(metrics);

        List<ReceivedRequest> requests = cloudWatch.requests();
        assertEquals(List.of(WEB, DB, "connwatch"), requests.stream().map(ReceivedRequest::namespace).toList());
        List<ReceivedDatum> datums = cloudWatch.datums();
        assertEquals(metrics.size(), datums.size());
        for (int i = 0; i < metrics.size(); i++) {
            Metric sent = metrics.get(i);
            ReceivedDatum got = datums.get(i);
            assertEquals(sent.name(), got.name());
            assertEquals(sent.value(), got.value());
            assertEquals(sent.unit().cloudWatchName(), got.unit());
            assertEquals(sent.timestamp(), got.timestamp());
            Map<String, String> dimensions = new LinkedHashMap<>();
            sent.dimensions().forEach(d -> dimensions.put(d.name(), d.value()));
            assertEquals(dimensions, got.dimensions());
            assertEquals(List.copyOf(dimensions.keySet()), List.copyOf(got.dimensions().keySet()), "dimension order");
            assertEquals(60, got.storageResolution());
            assertTrue(got.statisticValues().isEmpty());
        }
        // Signed with the configured region and the given credentials.
        assertTrue(requests.get(0).authorization().startsWith("AWS4-HMAC-SHA256 Credential="
                + FastRetryTuning.ACCESS_KEY_ID + "/"), requests.get(0).authorization());
        assertTrue(requests.get(0).authorization().contains("/eu-west-1/monitoring/aws4_request"),
                requests.get(0).authorization());
    }

    @Test
    void highResolutionIsSentAsStorageResolutionOne() throws Exception {
        sink.close();
        sink = sink(Map.of("storage-resolution", 1));
        sink.publish(List.of(metric(WEB, "http-cons-established", 5)));
        assertEquals(1, cloudWatch.datums().get(0).storageResolution());
    }

    @Test
    void aStatisticSetGoesAsStatisticValuesWithoutAValue() throws Exception {
        Metric window = Metric.ofStatistics(WEB, "http-cons-established", Unit.COUNT, INSTANCE, now,
                new StatisticSet(6, 63, 7, 14.5));
        Metric plain = metric(WEB, "http-cons-timewait", 3);

        sink.publish(List.of(window, plain));

        List<ReceivedDatum> datums = cloudWatch.datums();
        assertEquals(Map.of("SampleCount", 6.0, "Sum", 63.0, "Minimum", 7.0, "Maximum", 14.5),
                datums.get(0).statisticValues());
        assertTrue(Double.isNaN(datums.get(0).value()), "no Value beside StatisticValues: " + datums.get(0).value());
        assertEquals(now, datums.get(0).timestamp());
        assertEquals("Count", datums.get(0).unit());
        assertEquals(3.0, datums.get(1).value());
        assertTrue(datums.get(1).statisticValues().isEmpty());
    }

    @Test
    void aStatisticSetOutsideCloudWatchsRangeIsRefusedNamingTheMetricAndTheStatistic() {
        Metric huge = Metric.ofStatistics(WEB, "huge", Unit.COUNT, INSTANCE, now, new StatisticSet(2, 2e300, 1, 1e300));

        DeliveryException e = assertThrows(DeliveryException.class, () -> sink.publish(List.of(huge)));

        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("metric huge: sum 2.0E300 is outside CloudWatch's range"), e.getMessage());
        assertEquals(0, cloudWatch.attempts());
    }

    @Test
    void previewShowsAStatisticSetsFourNumbers() {
        Metric window = Metric.ofStatistics(WEB, "http-cons-established", Unit.COUNT, INSTANCE, now,
                new StatisticSet(3, 6, 1, 3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        sink.preview(List.of(window), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("  http-cons-established = {count 3, sum 6, min 1, max 3} Count"), out);
    }

    @Test
    void twoThousandFiveHundredDatumsInOneNamespaceGoAsThreeRequests() throws Exception {
        List<Metric> metrics = many(WEB, 2500);

        sink.publish(metrics);

        List<ReceivedRequest> requests = cloudWatch.requests();
        assertEquals(List.of(1000, 1000, 500), requests.stream().map(r -> r.datums().size()).toList());
        assertEquals(3, cloudWatch.attempts());
        assertEquals(metrics.stream().map(Metric::name).toList(),
                cloudWatch.datums().stream().map(ReceivedDatum::name).toList());
        for (ReceivedRequest r : requests) {
            assertEquals(WEB, r.namespace());
            assertTrue(r.decodedBytes() < CloudWatchLimits.MAX_REQUEST_BYTES, r.decodedBytes() + " bytes");
        }
    }

    @Test
    void twoNamespacesGoAsTwoRequests() throws Exception {
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            metrics.add(metric(i % 2 == 0 ? WEB : DB, "m-" + i, i));
        }

        sink.publish(metrics);

        List<ReceivedRequest> requests = cloudWatch.requests();
        assertEquals(2, requests.size());
        assertEquals(WEB, requests.get(0).namespace());
        assertEquals(List.of("m-0", "m-2"), requests.get(0).datums().stream().map(ReceivedDatum::name).toList());
        assertEquals(DB, requests.get(1).namespace());
        assertEquals(List.of("m-1", "m-3"), requests.get(1).datums().stream().map(ReceivedDatum::name).toList());
    }

    @Test
    void largeDatumsSplitUnderOneMegabyte() throws Exception {
        // 30 dimensions of 1,000 characters: about 60 kB per datum once encoded, so far fewer than 1,000 fit.
        List<Dimension> wide = new ArrayList<>();
        for (int d = 0; d < 30; d++) {
            wide.add(new Dimension("D" + d, String.join("", Collections.nCopies(1000, "x"))));
        }
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            metrics.add(new Metric(WEB, "wide-" + i, i, Unit.COUNT, wide, now));
        }

        sink.publish(metrics);

        List<ReceivedRequest> requests = cloudWatch.requests();
        assertTrue(requests.size() > 1, "one request of 60 wide datums would exceed 1 MB");
        for (ReceivedRequest r : requests) {
            assertTrue(r.decodedBytes() < CloudWatchLimits.MAX_REQUEST_BYTES, r.decodedBytes() + " bytes");
        }
        assertEquals(60, cloudWatch.datums().size());
        assertEquals(30, cloudWatch.datums().get(59).dimensions().size());
    }

    @Test
    void aServerErrorThenThrottlingStillDeliversEverything() throws Exception {
        cloudWatch.failNext(Fault.SERVER_ERROR, Fault.THROTTLING);
        List<Metric> metrics = many(WEB, 10);

        sink.publish(metrics);

        assertEquals(3, cloudWatch.attempts(), "500, throttled, then accepted");
        assertEquals(1, cloudWatch.requests().size());
        assertEquals(metrics.stream().map(Metric::name).toList(),
                cloudWatch.datums().stream().map(ReceivedDatum::name).toList());
    }

    @Test
    void throttlingBeyondTheRetriesIsRetryableAndListsTheMetrics() {
        cloudWatch.failNext(Fault.THROTTLING, Fault.THROTTLING, Fault.THROTTLING);
        List<Metric> metrics = many(WEB, 3);

        DeliveryException e = assertThrows(DeliveryException.class, () -> sink.publish(metrics));

        assertTrue(e.retryable());
        assertEquals(metrics, e.undelivered());
        assertTrue(e.getMessage().contains("Throttling") && e.getMessage().contains("Rate exceeded"), e.getMessage());
        assertEquals(3, cloudWatch.attempts());
    }

    @Test
    void anOutageIsRetryableAndAcceptsNothingUntilItEnds() throws Exception {
        cloudWatch.outage(true);
        List<Metric> metrics = many(WEB, 2);

        DeliveryException e = assertThrows(DeliveryException.class, () -> sink.publish(metrics));

        assertTrue(e.retryable());
        assertEquals(metrics, e.undelivered());
        assertTrue(e.getMessage().contains("ServiceUnavailable"), e.getMessage());
        assertEquals(3, cloudWatch.attempts(), "the SDK's three attempts");
        cloudWatch.outage(false);
        sink.publish(metrics);
        assertEquals(2, cloudWatch.datums().size());
    }

    @Test
    void accessDeniedIsNotRetryableCarriesCloudWatchsMessageAndTheOtherNamespaceStillGoes() {
        String denial = "User: arn:aws:sts::123456789012:assumed-role/web/i-0abc is not authorized to perform: "
                + "cloudwatch:PutMetricData because no identity-based policy allows the cloudwatch:PutMetricData action";
        cloudWatch.deny(DB, denial);
        List<Metric> dbMetrics = List.of(metric(DB, "db-cons-established", 4), metric(DB, "db-cons-timewait", 1));
        List<Metric> metrics = List.of(dbMetrics.get(0), metric(WEB, "http-cons-established", 7), dbMetrics.get(1));

        DeliveryException e = assertThrows(DeliveryException.class, () -> sink.publish(metrics));

        assertFalse(e.retryable());
        assertEquals(dbMetrics, e.undelivered());
        assertTrue(e.getMessage().contains("AccessDenied"), e.getMessage());
        assertTrue(e.getMessage().contains(denial), e.getMessage());
        assertTrue(e.getMessage().contains("namespace \"" + DB + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
        List<ReceivedRequest> requests = cloudWatch.requests();
        assertEquals(1, requests.size());
        assertEquals(WEB, requests.get(0).namespace());
        assertEquals(2, cloudWatch.attempts(), "access denied is not retried");
    }

    @Test
    void aMixedFailureIsNotRetryableAsAWholeButEachRequestSaysItsOwn() {
        cloudWatch.deny(DB, "denied");
        cloudWatch.failNext(Fault.THROTTLING, Fault.THROTTLING, Fault.THROTTLING);
        Metric web = metric(WEB, "w", 1);
        Metric db = metric(DB, "d", 2);

        DeliveryException e = assertThrows(DeliveryException.class, () -> sink.publish(List.of(web, db)));

        assertFalse(e.retryable());
        assertEquals(List.of(web, db), e.undelivered());
        assertEquals(2, e.getSuppressed().length);
        DeliveryException first = (DeliveryException) e.getSuppressed()[0];
        DeliveryException second = (DeliveryException) e.getSuppressed()[1];
        assertTrue(first.retryable());
        assertEquals(List.of(web), first.undelivered());
        assertFalse(second.retryable());
        assertEquals(List.of(db), second.undelivered());
    }

    @Test
    void valuesCloudWatchWouldRefuseAreRefusedFirstNamingTheMetric() {
        // NaN and the infinities cannot even be built: the api's Metric refuses them, naming the metric.
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new Metric(WEB, "http-cons-established", Double.NaN, Unit.COUNT, INSTANCE, now));
        assertTrue(nan.getMessage().contains("http-cons-established"), nan.getMessage());
        // What is left for the sink: finite values outside CloudWatch's range, and more than 30 dimensions.
        Metric huge = metric(WEB, "huge", 1e300);
        List<Dimension> tooMany = new ArrayList<>();
        for (int d = 0; d < 31; d++) {
            tooMany.add(new Dimension("D" + d, "v"));
        }
        Metric wide = new Metric(WEB, "wide", 1, Unit.COUNT, tooMany, now);
        Metric fine = metric(WEB, "fine", 1);

        DeliveryException e = assertThrows(DeliveryException.class, () -> sink.publish(List.of(huge, fine, wide)));

        assertFalse(e.retryable());
        assertEquals(List.of(huge, wide), e.undelivered());
        assertTrue(e.getMessage().contains("metric huge: value 1.0E300"), e.getMessage());
        assertTrue(e.getMessage().contains("metric wide: 31 dimensions"), e.getMessage());
        assertEquals(List.of("fine"), cloudWatch.datums().stream().map(ReceivedDatum::name).toList());
    }

    @Test
    void aTimestampOlderThanTwoWeeksIsRefused() {
        Metric stale = new Metric(WEB, "stale", 1, Unit.COUNT, INSTANCE, now.minus(15, ChronoUnit.DAYS));

        DeliveryException e = assertThrows(DeliveryException.class, () -> sink.publish(List.of(stale)));

        assertTrue(e.getMessage().contains("more than two weeks old"), e.getMessage());
        assertEquals(0, cloudWatch.attempts());
    }

    @Test
    void previewShowsEachRequestAndSendsNothing() {
        List<Metric> metrics = new ArrayList<>(many(WEB, 1001));
        metrics.add(new Metric(null, "http-cons-established", 18, Unit.COUNT, INSTANCE, now));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        sink.preview(metrics, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("PutMetricData 1 of 3: namespace " + WEB + ", 1000 datums"), out);
        assertTrue(out.contains("PutMetricData 2 of 3: namespace " + WEB + ", 1 datum,"), out);
        assertTrue(out.contains("PutMetricData 3 of 3: namespace connwatch, 1 datum,"), out);
        assertTrue(out.contains("  http-cons-established = 18 Count {InstanceId=i-0abc1234def567890} at " + now
                + ", resolution 60 s"), out);
        assertEquals(0, cloudWatch.attempts());
    }
}
