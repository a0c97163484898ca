package org.concurrencyharness.internal.result;

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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void plainValuesSurviveAWriteAndAParse() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "quote \" backslash \\ newline \n tab \t unicode é \u0001");
        value.put("whole", 42L);
        value.put("negative", -7L);
        value.put("fraction", 2.5);
        value.put("yes", true);
        value.put("nothing", null);
        value.put("list", List.of(1L, "two", List.of(), Map.of()));
        value.put("nested", Map.of("inner", List.of(false)));

        assertEquals(value, Json.parse(Json.write(value)));
        assertEquals(value, Json.parse(Json.writePretty(value)));
    }

    @Test
    void wholeDoublesAreWrittenWithoutAFraction() {
        assertEquals("[2000,0.5]", Json.write(List.of(2000.0, 0.5)));
    }

    @Test
    void anythingButAPlainValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(new Object())));
    }

    @Test
    void malformedTextIsRefusedWithItsOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": tru}"));
        assertTrue(e.getMessage().startsWith("Invalid JSON at offset 6: Unrecognized token 'tru'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{} extra"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{} {}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\" 1}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1,]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("'single'"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"raw \n newline\""));
    }

    @Test
    void everyEscapeIsWrittenAndReadBack() {
        String text = "\" \\ / \b \f \n \r \t \u0000 \u001f \u007f";
        assertEquals("\"\\\" \\\\ / \\b \\f \\n \\r \\t \\u0000 \\u001F \u007f\"", Json.write(text));
        assertEquals(text, Json.parse(Json.write(text)));
        assertEquals("\" / é \u2028", Json.parse("\"\\\" \\/ \\u00e9 \\u2028\""), "escapes another writer chose");
    }

    @Test
    void unicodeIsWrittenAsItIsButForTheLineSeparatorsThatWouldSplitALine() {
        String text = "é ü 中文 \uD83D\uDE00 \u2028 \u2029";
        String written = Json.write(Map.of(text, text));
        assertEquals("{\"é ü 中文 \uD83D\uDE00 \\u2028 \\u2029\":\"é ü 中文 \uD83D\uDE00 \\u2028 \\u2029\"}", written);
        assertEquals(Map.of(text, text), Json.parse(written));
        assertEquals("\uD83D\uDE00", Json.parse("\"\\ud83d\\ude00\""), "a surrogate pair in escapes");
    }

    @Test
    void numbersAreReadAsLongsAndDoubles() {
        assertEquals(
                List.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, 0L),
                Json.parse(Json.write(List.of(Long.MAX_VALUE, Long.MIN_VALUE, 0, -0))));
        assertEquals(List.of(1000.0, -0.25, 1.0E-7, 1.5E300), Json.parse("[1e3, -2.5E-1, 1e-7, 1.5e300]"));
        assertInstanceOf(Long.class, ((List<?>) Json.parse("[7]")).get(0), "a whole number is a long, however small");
        assertThrows(
                IllegalArgumentException.class,
                () -> Json.parse("[9223372036854775808]"),
                "a whole number beyond a long is refused, not read as something else");
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[NaN]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[01]"));
    }

    @Test
    void numbersOfEveryKindAreWrittenAsTheyPrint() {
        assertEquals(
                "[1,2,3,0.5,1.0E20,null,null,12345678901234567890,2.50,42]",
                Json.write(List.of(
                        (byte) 1,
                        (short) 2,
                        3,
                        0.5f,
                        1e20,
                        Double.NaN,
                        Float.POSITIVE_INFINITY,
                        new BigInteger("12345678901234567890"),
                        new BigDecimal("2.50"),
                        new AtomicLong(42))));
        assertEquals("\"x\"", Json.write('x'));
        assertEquals("\"PASS\"", Json.write(Outcome.PASS));
    }

    @Test
    void deepNestingSurvivesToTheLimitAndIsRefusedBeyondIt() {
        Object deep = nested(1000);
        assertEquals(deep, Json.parse(Json.write(deep)));

        String tooDeep = "[".repeat(100_000) + "]".repeat(100_000);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Json.parse(tooDeep));
        assertTrue(refused.getMessage().contains("depth"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.write(nested(1001)));
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
        assertThrows(IllegalArgumentException.class, () -> Json.write(cycle));
    }

    @Test
    void parsingBuildsPlainMapsAndListsWhateverTheTextNames() {
        Object parsed = Json.parse("{\"@class\":\"java.io.File\",\"@type\":\"java.net.URL\",\"list\":[{\"a\":1}]}");
        assertInstanceOf(LinkedHashMap.class, parsed);
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertEquals("java.io.File", map.get("@class"), "a type name is only a string");
        assertInstanceOf(ArrayList.class, map.get("list"));
        assertInstanceOf(LinkedHashMap.class, ((List<?>) map.get("list")).get(0));
        assertEquals(List.of("@class", "@type", "list"), List.copyOf(map.keySet()), "keys in the text's order");
    }

    @Test
    void prettyJsonIsIndentedByTwoSpacesWithOneItemALine() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "x");
        value.put("items", List.of(1L, 2L));
        value.put("empty", Map.of());
        value.put("none", List.of());
        assertEquals("""
                {
                  "name": "x",
                  "items": [
                    1,
                    2
                  ],
                  "empty": {},
                  "none": []
                }
                """, Json.writePretty(value));
        assertFalse(Json.write(value).contains("\n"), "compact JSON is one line");
    }
}
