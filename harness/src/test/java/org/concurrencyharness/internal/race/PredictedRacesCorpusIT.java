package org.concurrencyharness.internal.race;

import java.util.stream.Stream;
import org.concurrencyharness.internal.agent.RaceDetectorAgent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * With prediction on ({@code -javaagent:...=predict}), the races a lock hides in the run are
 * found, in {@code predictcorpus}, and both other corpora keep every label: prediction invents
 * no race on code that has none.
 */
class PredictedRacesCorpusIT {

    @TestFactory
    Stream<DynamicTest> racesHiddenByLocksAreFound() throws Exception {
        return new LabelledCorpus("prediction corpus", "predictcorpus", true, RaceDetectorAgent.PREDICT).judge(9);
    }

    @TestFactory
    Stream<DynamicTest> theRaceCorpusHoldsWithPrediction() throws Exception {
        return new LabelledCorpus("race corpus, predicting", "racecorpus", false, RaceDetectorAgent.PREDICT).judge(40);
    }

    @TestFactory
    Stream<DynamicTest> theRealCodeCorpusHoldsWithPrediction() throws Exception {
        return new LabelledCorpus("real-code corpus, predicting", "realcode", true, RaceDetectorAgent.PREDICT)
                .judge(50);
    }
}
