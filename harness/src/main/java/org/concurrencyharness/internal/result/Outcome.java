package org.concurrencyharness.internal.result;

/** Whether an exercise met its expectations. */
public enum Outcome {
    PASS,
    FAIL
}
