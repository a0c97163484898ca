package org.concurrencyharness.internal.engine;

import java.util.List;
import org.concurrencyharness.internal.report.LostUpdate;
import org.concurrencyharness.internal.report.Race;
import org.concurrencyharness.internal.report.RoundResult;

/**
 * One round as it ran, and what the detector found in it.
 *
 * @param result the round's report
 * @param races the round's races, each pair of sites once
 * @param lostUpdates the round's lost updates, each three sites once
 */
public record RoundRun(RoundResult result, List<Race> races, List<LostUpdate> lostUpdates) {
}
