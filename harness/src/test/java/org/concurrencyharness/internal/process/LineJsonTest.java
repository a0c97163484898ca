package org.concurrencyharness.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LineJsonTest {

    @Test
    void plainValuesSurviveAWriteAndAParseOnOneLine() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "quote \" backslash \\ newline \n return \r tab \t unicode é \u0001 \u2028 \u2029");
        value.put("whole", 42L);
        value.put("negative", -7L);
        value.put("fraction", 2.5);
        value.put("yes", true);
        value.put("nothing", null);
        value.put("list", List.of(1L, "two", List.of(), Map.of()));
        value.put("nested", Map.of("inner", List.of(false)));

        String line = LineJson.write(value);
        assertFalse(
                line.contains("\n") || line.contains("\r") || line.contains("\u2028") || line.contains("\u2029"), line);
        assertEquals(value, LineJson.parse(line));
    }

    @Test
    void everyEscapeIsWrittenAndReadBack() {
        String text = "\" \\ / \b \f \n \r \t \u0000 \u001f \u007f";
        assertEquals("\"\\\" \\\\ / \\b \\f \\n \\r \\t \\u0000 \\u001f \u007f\"", LineJson.write(text));
        assertEquals(text, LineJson.parse(LineJson.write(text)));
        assertEquals("\" / é \u2028", LineJson.parse("\"\\\" \\/ \\u00E9 \\u2028\""), "escapes another writer chose");
    }

    @Test
    void unicodeIsWrittenAsItIsButForLineSeparatorsAndLoneSurrogates() {
        String text = "é ü 中文 \uD83D\uDE00";
        assertEquals("\"" + text + "\"", LineJson.write(text));
        assertEquals(
                "\"\\ud83d x \\ude00\"", LineJson.write("\uD83D x \uDE00"), "halves of no pair survive UTF-8 escaped");
        assertEquals("\uD83D x \uDE00", LineJson.parse(LineJson.write("\uD83D x \uDE00")));
        assertEquals("\uD83D\uDE00", LineJson.parse("\"\\ud83d\\ude00\""), "a surrogate pair in escapes");
    }

    @Test
    void numbersAreReadAsLongsAndDoubles() {
        assertEquals(
                List.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, 0L),
                LineJson.parse(LineJson.write(List.of(Long.MAX_VALUE, Long.MIN_VALUE, 0, -0))));
        assertEquals(
                List.of(1000.0, -0.25, 1.0E-7, 1.5E300, -0.0), LineJson.parse("[1e3, -2.5E-1, 1e-7, 1.5e+300, -0.0]"));
        assertInstanceOf(
                Long.class, ((List<?>) LineJson.parse("[7]")).get(0), "a whole number is a long, however small");
        IllegalArgumentException beyond = assertThrows(
                IllegalArgumentException.class,
                () -> LineJson.parse("[9223372036854775808]"),
                "refused, not read as something else");
        assertEquals(
                "Invalid JSON at offset 20: a whole number beyond a long's range: 9223372036854775808",
                beyond.getMessage());
        for (String notJson : List.of("[NaN]", "[01]", "[1.]", "[.5]", "[+1]", "[1e]", "[-]", "[0x10]")) {
            assertThrows(IllegalArgumentException.class, () -> LineJson.parse(notJson), notJson);
        }
    }

    @Test
    void numbersOfEveryKindAreWrittenAsTheyPrintWhenTheOtherEndCanReadThem() {
        assertEquals(
                "[1,2,3,0.5,1.0E20,2000,null,null,123,2.50,42]",
                LineJson.write(List.of(
                        (byte) 1,
                        (short) 2,
                        3,
                        0.5f,
                        1e20,
                        2000.0,
                        Double.NaN,
                        Float.POSITIVE_INFINITY,
                        BigInteger.valueOf(123),
                        new BigDecimal("2.50"),
                        new AtomicLong(42))));
        IllegalArgumentException big = assertThrows(
                IllegalArgumentException.class, () -> LineJson.write(new BigInteger("12345678901234567890")));
        assertTrue(big.getMessage().contains("beyond a long's range"), big.getMessage());
        assertEquals("\"x\"", LineJson.write('x'));
        assertEquals("\"SECONDS\"", LineJson.write(TimeUnit.SECONDS));
    }

    @Test
    void anythingButAPlainValueIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LineJson.write(List.of(new Object())));
        assertEquals("not a plain JSON value: java.lang.Object", e.getMessage());
    }

    @Test
    void malformedTextIsRefusedWithItsOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LineJson.parse("{\"a\": tru}"));
        assertEquals("Invalid JSON at offset 6: expected true", e.getMessage());
        for (String notJson : List.of(
                "[1, 2",
                "{} extra",
                "{} {}",
                "",
                "   ",
                "{\"a\" 1}",
                "[1,]",
                "{\"a\":1,}",
                "'single'",
                "\"raw \n newline\"",
                "\"\\x\"",
                "\"\\u12\"",
                "{1:2}",
                "[true false]",
                "\"open")) {
            assertThrows(IllegalArgumentException.class, () -> LineJson.parse(notJson), notJson);
        }
    }

    @Test
    void deepNestingSurvivesToTheLimitAndIsRefusedBeyondIt() {
        Object deep = nested(LineJson.MAX_DEPTH);
        assertEquals(deep, LineJson.parse(LineJson.write(deep)));

        String tooDeep = "[".repeat(100_000) + "]".repeat(100_000);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> LineJson.parse(tooDeep));
        assertEquals("Invalid JSON at offset 1000: nesting depth beyond 1000", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LineJson.write(nested(LineJson.MAX_DEPTH + 1)));
    }

    /** Lists in lists, {@code depth} levels. */
    private static Object nested(int depth) {
        Object value = List.of();
        for (int level = 1; level < depth; level++) {
            value = List.of(value);
        }
        return value;
    }

    @Test
    void aValueThatHoldsItselfIsRefusedNotOverflowed() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LineJson.write(cycle));
        assertTrue(e.getMessage().contains("holds itself"), e.getMessage());
    }

    @Test
    void parsingBuildsPlainMapsAndListsWhateverTheTextNames() {
        Object parsed = LineJson.parse("{\"@class\":\"java.io.File\",\"@type\":\"java.net.URL\",\"list\":[{\"a\":1}]}");
        assertInstanceOf(LinkedHashMap.class, parsed);
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertEquals("java.io.File", map.get("@class"), "a type name is only a string");
        assertInstanceOf(ArrayList.class, map.get("list"));
        assertInstanceOf(LinkedHashMap.class, ((List<?>) map.get("list")).get(0));
        assertEquals(List.of("@class", "@type", "list"), List.copyOf(map.keySet()), "keys in the text's order");
    }
}
