package org.concurrencyharness.internal.agent;

import java.lang.instrument.Instrumentation;
import org.concurrencyharness.internal.race.RaceDetection;

/**
 * The race detector's {@code -javaagent} entry point: instruments the classes the program loads
 * (not the JDK's, not the harness's) so that their field and array accesses and their
 * synchronisation reach the happens-before analysis.
 */
public final class RaceDetectorAgent {

    private RaceDetectorAgent() {
    }

    public static void premain(String options, Instrumentation instrumentation) {
        instrumentation.addTransformer(new RaceInstrumenter(ClassFilter.parse(options)), false);
        RaceDetection.activate();
    }
}
