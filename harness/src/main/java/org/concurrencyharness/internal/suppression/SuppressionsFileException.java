package org.concurrencyharness.internal.suppression;

/**
 * A suppressions file that cannot be used: unreadable, or with lines that are no pattern. Its
 * message names the file and each bad line, and says what to write instead; it is the user's to
 * fix, so it carries no stack trace of ours.
 */
public final class SuppressionsFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SuppressionsFileException(String message) {
        super(message, null, false, false);
    }
}
