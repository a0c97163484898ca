/**
 * The Maven plugin's goals ({@code run}, {@code run-no-fork}, {@code prepare-agent},
 * {@code report-aggregate}): the forked JVM's class path and command line, the agent's arguments, the
 * reports published at the end of the build, and its failure message.
 *
 * <p>May use: {@link org.concurrencyharness.maven.report}, {@link org.concurrencyharness.maven.insight}, and
 * of the harness {@link org.concurrencyharness.internal.agent} (the agent's JVM options),
 * {@link org.concurrencyharness.internal.engine} (its configuration parameters),
 * {@link org.concurrencyharness.internal.fork} (the forked JVM's command line),
 * {@link org.concurrencyharness.internal.result}, {@link org.concurrencyharness.internal.shard} and
 * {@link org.concurrencyharness.internal.suppression}.
 */
package org.concurrencyharness.maven;
