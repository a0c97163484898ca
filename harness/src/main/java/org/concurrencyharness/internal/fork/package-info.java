/**
 * The JVM that {@code concurrency:run} forks: its main, which launches the engine over the project's
 * classes, prints progress and writes the run's results for the plugin, and its command line
 * ({@code ForkOptions}), which the plugin writes and the fork reads.
 *
 * <p>May use: {@link org.concurrencyharness.internal.engine}, {@link org.concurrencyharness.internal.process},
 * {@link org.concurrencyharness.internal.race}, {@link org.concurrencyharness.internal.result} and
 * {@link org.concurrencyharness.internal.shard}.
 */
package org.concurrencyharness.internal.fork;
