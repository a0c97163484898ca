package org.concurrencyharness.internal.race;

/**
 * A lost update's key as Java writes it, for the report: a string or a character quoted, a JDK number or a boolean
 * as it is, an enum constant by its name. A key of another class is named by its class alone: its {@code toString}
 * is the program's code, which the detector does not run on its own behalf.
 */
public final class UpdateKeys {

    private static final int MAX_LENGTH = 80;

    private UpdateKeys() {}

    public static String render(Object key) {
        if (key == null) {
            return null;
        }
        if (key instanceof String text) {
            String quoted = "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            return quoted.length() <= MAX_LENGTH ? quoted : quoted.substring(0, MAX_LENGTH - 4) + "...\"";
        }
        if (key instanceof Character character) {
            return "'" + character + "'";
        }
        if ((key instanceof Number || key instanceof Boolean) && key.getClass().getClassLoader() == null) {
            return key.toString();
        }
        if (key instanceof Enum<?> constant) {
            return constant.getDeclaringClass().getSimpleName() + "." + constant.name();
        }
        return "a " + key.getClass().getSimpleName();
    }
}
