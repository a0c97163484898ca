package org.concurrencyharness.internal.race;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the corpus of real-library code in {@code realcode} (the JDK's collections, formats and task frameworks,
 * Guava, Caffeine, Jackson, JCTools, the Disruptor, commons-pool and commons-lang, each used as its documentation
 * shows, or misused as people do) through the real agent, in a JVM of its own (the JVM of
 * {@code -Dconcurrency.childJava}, by default this one's), and checks every label, one test per exercise: a racy
 * exercise must race on its field (a label ending in {@code *}: on a field of that package) with both accesses, or
 * their user frames, on its {@code // race} lines; a race-free one must not race, fail or make the detector fail.
 * Prints precision and recall.
 */
class RealCodeCorpusIT {

    @TestFactory
    Stream<DynamicTest> everyLabelOfTheRealCodeCorpusHolds() throws Exception {
        return new LabelledCorpus("real-code corpus", "realcode", true).judge(50);
    }
}
