package io.factoryops.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SortFieldsTest {

    @Test
    void aFieldSortsItsCamelCaseAttributeUnlessItNamesAnother() {
        Map<String, String> attributes =
                SortFields.attributes("id", "created_at", "lead_time_days", "stock_quantity=stock.quantity");
        assertEquals(
                Map.of(
                        "id", "id",
                        "created_at", "createdAt",
                        "lead_time_days", "leadTimeDays",
                        "stock_quantity", "stock.quantity"),
                attributes);
        assertEquals(List.of("id", "created_at", "lead_time_days", "stock_quantity"), List.copyOf(attributes.keySet()));
    }

    @Test
    void theFieldsCannotChangeAfterwards() {
        Map<String, String> attributes = SortFields.attributes("id");
        assertThrows(UnsupportedOperationException.class, () -> attributes.put("name", "name"));
        assertThrows(
                UnsupportedOperationException.class, () -> attributes.keySet().remove("id"));
    }
}
