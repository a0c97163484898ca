package org.concurrencyharness.internal.result;

/** Whether an access of a race read or wrote, by the word the reports show. */
public enum AccessKind {
    READ("read"),
    WRITE("write");

    private final String word;

    AccessKind(String word) {
        this.word = word;
    }

    /** An access that writes, or one that only reads. */
    public static AccessKind of(boolean write) {
        return write ? WRITE : READ;
    }

    /** The kind a report names by its word. */
    public static AccessKind of(String word) {
        for (AccessKind kind : values()) {
            if (kind.word.equals(word)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no access kind is called " + word);
    }

    /** The word, as report.json and the pages write it. */
    @Override
    public String toString() {
        return word;
    }
}
