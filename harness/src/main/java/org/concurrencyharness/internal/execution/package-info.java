/**
 * Running an exercise's rounds in this JVM's threads: its annotations validated into an
 * {@code ExerciseDefinition}, a round's workers, the gate that starts them at once, the semaphore and
 * the timeout, the deadlock watch, and the rendering of shared state and return values into the round's
 * result. A forked exercise's children run their threads with these classes too.
 *
 * <p>May use: {@link org.concurrencyharness}, {@link org.concurrencyharness.internal.race} and
 * {@link org.concurrencyharness.internal.result}.
 */
package org.concurrencyharness.internal.execution;
