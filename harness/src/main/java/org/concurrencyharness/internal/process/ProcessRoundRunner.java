package org.concurrencyharness.internal.process;

import java.util.List;
import java.util.Map;
import org.concurrencyharness.internal.engine.ExerciseDefinition;
import org.concurrencyharness.internal.engine.RoundRun;
import org.concurrencyharness.internal.report.RoundResult;

/** Runs one round of a {@code @ForkProcesses} exercise in child JVMs. Not built yet: every round fails and says so. */
public final class ProcessRoundRunner {

    public RoundRun run(ExerciseDefinition exercise, int round) {
        return new RoundRun(new RoundResult(round, 0, 0, 0, List.of(), Map.of(),
                List.of("@ForkProcesses is not supported by this version of the harness yet")), List.of());
    }
}
