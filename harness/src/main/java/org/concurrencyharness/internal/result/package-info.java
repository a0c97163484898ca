/**
 * The results of a run, and their JSON: what each worker, round and exercise did, the races found
 * and their accesses, and the whole run ({@code RunReport}), which the forked JVM writes and the
 * plugin reads and reports; {@code Json} writes and reads them with the shaded jackson-core. The
 * bottom of the harness: the detector, the execution, the engine, the fork and the plugin all speak
 * in these types. Of the words a person reads, only those the forked JVM prints too live here
 * ({@code Conditions.describe}, {@code RaceCounts}); the reports are the plugin's.
 *
 * <p>May use: {@link org.concurrencyharness.internal.shard}.
 */
package org.concurrencyharness.internal.result;
