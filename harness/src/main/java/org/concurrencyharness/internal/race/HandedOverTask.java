package org.concurrencyharness.internal.race;

/**
 * A runnable handed to an executor, wrapped so that its runs start from the hand-over (see
 * TaskHandOff). The executor's own hooks that the program overrides ({@code beforeExecute},
 * {@code afterExecute}) are given the program's runnable back (see {@link Hooks#unwrapTask}), so
 * that a hook that looks at its task's class or fields works as it does without the detector.
 */
final class HandedOverTask implements Runnable {

    final Runnable task;
    private final TaskHandOff handOff;

    HandedOverTask(Runnable task, TaskHandOff handOff) {
        this.task = task;
        this.handOff = handOff;
    }

    @Override
    public void run() {
        handOff.run(() -> {
            task.run();
            return null;
        });
    }

    @Override
    public String toString() {
        return task.toString();
    }
}
