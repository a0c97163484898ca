package org.concurrencyharness.internal.race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.concurrencyharness.internal.agent.RaceDetectorAgent;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.RunReport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * With prediction on ({@code -javaagent:...=predict}), the races a lock hides in the run are
 * found, in {@code predictcorpus}, and both other corpora keep every label: prediction invents
 * no race on code that has none.
 */
class PredictedRacesCorpusIT {

    @TestFactory
    Stream<DynamicTest> racesHiddenByLocksAreFound() throws Exception {
        return new LabelledCorpus("prediction corpus", "predictcorpus", true, RaceDetectorAgent.PREDICT).judge(10);
    }

    @Test
    void aFlagSetUnderTheLockStillHandsTheDataOverThoughItsClearingRaces() throws Exception {
        RunReport report = LabelledCorpus.run(
                "predictcorpus.HiddenByLocks$FlagClearedOutsideTheLock",
                "target/prediction-flag-output.txt",
                RaceDetectorAgent.PREDICT);
        List<String> fields = report.exercises().get(0).races().stream()
                .map(Race::field)
                .distinct()
                .toList();
        assertEquals(List.of("predictcorpus.HiddenByLocks$FlagClearedOutsideTheLock.ready"), fields);
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
