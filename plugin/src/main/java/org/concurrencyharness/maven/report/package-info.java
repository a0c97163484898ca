/**
 * A run's reports, written by the plugin from its results: {@code report.json}, {@code index.html} with
 * its timelines and source excerpts, JUnit XML, the console summary, and one report merged from a
 * sharded run's parts. They live in the plugin, not in the harness jar, which is the agent in the
 * user's JVMs.
 *
 * <p>May use: {@link org.concurrencyharness.internal.result} and {@link org.concurrencyharness.internal.shard}.
 */
package org.concurrencyharness.maven.report;
