package io.connwatch.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearestWordTest {

    @Test
    void distanceCountsEditsAndSwaps() {
        assertEquals(0, NearestWord.distance("ports", "PORTS"));
        assertEquals(1, NearestWord.distance("prots", "ports"), "one swap of neighbours");
        assertEquals(1, NearestWord.distance("port", "ports"));
        assertEquals(1, NearestWord.distance("portz", "ports"));
        assertEquals(2, NearestWord.distance("pots", "ports2"));
        assertEquals(5, NearestWord.distance("", "ports"));
        assertEquals(3, NearestWord.distance("kitten", "sitting"));
    }

    @Test
    void suggestsTheNearestCloseEnoughWord() {
        List<String> types = List.of("tcp-states", "cloudwatch", "stdout", "emf");
        assertEquals(Optional.of("tcp-states"), NearestWord.among("tcp-state", types));
        assertEquals(Optional.of("cloudwatch"), NearestWord.among("CloudWacth", types));
        assertEquals(Optional.of("stdout"), NearestWord.among("stdot", types));
        assertEquals(Optional.empty(), NearestWord.among("prometheus", types));
        assertEquals(Optional.empty(), NearestWord.among("xyz", types));
    }

    @Test
    void shortWordsAllowOneEdit() {
        assertEquals(Optional.of("emf"), NearestWord.among("emg", List.of("emf")));
        assertEquals(Optional.empty(), NearestWord.among("abc", List.of("emf")));
    }

    @Test
    void tieGoesToTheFirstCandidate() {
        assertEquals(Optional.of("cat"), NearestWord.among("bat", List.of("cat", "hat")));
    }

    @Test
    void hintText() {
        assertEquals(Optional.of("; did you mean 'format'?"), NearestWord.didYouMean("fromat", List.of("format")));
        assertEquals(Optional.empty(), NearestWord.didYouMean("colour", List.of("format")));
    }
}
