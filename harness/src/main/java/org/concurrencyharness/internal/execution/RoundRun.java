package org.concurrencyharness.internal.execution;

import java.util.List;
import org.concurrencyharness.internal.result.LostUpdate;
import org.concurrencyharness.internal.result.Race;
import org.concurrencyharness.internal.result.RoundResult;

/**
 * One round as it ran, and what the detector found in it.
 *
 * @param result the round's report
 * @param races the round's races, each pair of sites once
 * @param lostUpdates the round's lost updates, each three sites once
 */
public record RoundRun(RoundResult result, List<Race> races, List<LostUpdate> lostUpdates) {}
