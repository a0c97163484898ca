/**
 * The race detector at run time: {@code Hooks}, which the instrumented code calls, the threads'
 * vector clocks and the shadows of fields and array elements, the happens-before edges of monitors,
 * volatiles, threads and the {@code java.util.concurrent} contracts, and {@code RaceDetection}, through
 * which a round states its own edges and takes the races found. The contracts are one table,
 * {@code SyncContracts}, whose instrument-time half the agent asks, by the names a call instruction
 * gives, as it instruments a class. With prediction on, each round is also traced
 * ({@code RoundTrace}), and {@code PredictedRaces} searches the trace after the round for races
 * another schedule exposes ({@code ReorderedSchedule}).
 *
 * <p>May use: {@link org.concurrencyharness.internal.result}, whose {@code Race} and {@code Access} it
 * reports; and ASM's {@code Opcodes} and {@code Type}, which the instrument-time half of
 * {@code SyncContracts} reads call instructions with.
 */
package org.concurrencyharness.internal.race;
