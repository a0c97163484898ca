package org.concurrencyharness.internal.agent;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concurrencyharness.internal.race.RaceDetection;

/**
 * The race detector's {@code -javaagent} entry point: instruments the classes the program loads
 * (not the JDK's, not the harness's) so that their field and array accesses and their
 * synchronisation reach the happens-before analysis.
 */
public final class RaceDetectorAgent {

    /**
     * JVM options that go with the agent on a command line the harness builds. The JIT inlines
     * the access hooks into the program's loops only while their own compiled code is small; kept
     * out of them, the analysis's rare paths cannot make it large. {@code quiet} keeps the JVM
     * from announcing the command on standard output.
     */
    public static final List<String> JVM_OPTIONS = List.of(
            "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=dontinline,org.concurrencyharness.internal.race.Accesses::*");

    private RaceDetectorAgent() {}

    /** The agent option that records each round's events and predicts the races another schedule exposes. */
    public static final String PREDICT = "predict";

    public static void premain(String options, Instrumentation instrumentation) {
        if (options != null && List.of(options.split(",")).contains(PREDICT)) {
            // read once by the detector's classes as they load, none of which has yet
            System.setProperty("concurrency.predict", "true");
        }
        // the analysis reads the state of some JDK objects that decides what a call on them does
        // (whether a LinkedHashMap's get reorders it); java.util opens to it, and to nothing else
        try {
            instrumentation.redefineModule(
                    Object.class.getModule(),
                    Set.of(),
                    Map.of(),
                    Map.of("java.util", Set.of(RaceDetectorAgent.class.getModule())),
                    Set.of(),
                    Map.of());
        } catch (RuntimeException e) {
            // such calls are then taken as they read in the common case
        }
        instrumentation.addTransformer(new RaceInstrumenter(ClassFilter.parse(options)), false);
        RaceDetection.activate();
    }
}
