package org.concurrencyharness.internal.result;

/** How a thread or child process of a round ended, by the word the reports show. */
public enum WorkerState {
    FINISHED("finished"),
    FAILED("failed"),
    ABANDONED("abandoned"),
    TIMED_OUT("timed out"),
    DEADLOCKED("deadlocked"),
    CRASHED("crashed"),
    KILLED("killed");

    private final String word;

    WorkerState(String word) {
        this.word = word;
    }

    /** The word, as report.json and the pages write it. */
    @Override
    public String toString() {
        return word;
    }

    /** The state a report names by its word. */
    public static WorkerState of(String word) {
        for (WorkerState state : values()) {
            if (state.word.equals(word)) {
                return state;
            }
        }
        throw new IllegalArgumentException("no worker state is called " + word);
    }
}
