package org.concurrencyharness.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.concurrencyharness.internal.agent.RaceDetectorAgent;

/**
 * The JVM arguments that put the race detector on a JVM: the same for the JVM that
 * {@code concurrency:run} forks and for those that {@code concurrency:prepare-agent} prepares,
 * so that an exercise finds the same races under either.
 */
final class AgentArguments {

    private AgentArguments() {}

    /** The agent, and its option to predict races when {@code predict} is set. */
    static List<String> of(File harnessJar, boolean predict) {
        List<String> arguments = new ArrayList<>();
        arguments.add("-javaagent:" + harnessJar.getAbsolutePath() + (predict ? "=" + RaceDetectorAgent.PREDICT : ""));
        arguments.addAll(RaceDetectorAgent.JVM_OPTIONS);
        return arguments;
    }
}
