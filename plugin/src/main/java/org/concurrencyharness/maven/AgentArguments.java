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

    static List<String> of(File harnessJar) {
        List<String> arguments = new ArrayList<>();
        arguments.add("-javaagent:" + harnessJar.getAbsolutePath());
        arguments.addAll(RaceDetectorAgent.JVM_OPTIONS);
        return arguments;
    }
}
