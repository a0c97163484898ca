package org.concurrencyharness.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        assertEquals("Invalid JSON at offset 6: expected true", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{} extra"));
    }
}
