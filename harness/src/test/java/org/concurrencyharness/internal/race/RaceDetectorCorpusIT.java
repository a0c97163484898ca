package org.concurrencyharness.internal.race;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the labelled corpus in {@code racecorpus} through the real agent, in a JVM of its own
 * (the JVM of {@code -Dconcurrency.childJava}, by default this one's), and checks every label,
 * one test per exercise: a racy exercise must race on its field with both accesses on its
 * {@code // race} lines; a race-free one must not race at all. Prints precision and recall.
 */
class RaceDetectorCorpusIT {

    @TestFactory
    Stream<DynamicTest> everyLabelOfTheCorpusHolds() throws Exception {
        return new LabelledCorpus("race corpus", "racecorpus", false).judge(40);
    }
}
