package io.factoryops.reporting.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportFormatTest {

    @Test
    void theQueryParameterWinsOverAccept() {
        assertEquals(ExportFormat.PDF, ExportFormat.of("PDF", List.of(MediaType.valueOf("text/csv"))));
    }

    @Test
    void acceptChoosesInTheClientsOrderAndAWildcardMeansJson() {
        assertEquals(
                ExportFormat.CSV,
                ExportFormat.of(null, List.of(MediaType.valueOf("text/csv"), MediaType.valueOf("application/json"))));
        assertEquals(
                ExportFormat.XLSX,
                ExportFormat.of(
                        " ",
                        List.of(MediaType.valueOf(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))));
        assertEquals(ExportFormat.JSON, ExportFormat.of(null, List.of(MediaType.WILDCARD_TYPE)));
        assertEquals(ExportFormat.JSON, ExportFormat.of(null, List.of()));
    }

    @Test
    void anythingElseIs406ListingTheFormats() {
        ApiException e = assertThrows(ApiException.class, () -> ExportFormat.of("xml", List.of()));
        assertEquals(ErrorCode.NOT_ACCEPTABLE, e.code());
        assertEquals(List.of("json", "csv", "xlsx", "pdf"), e.extensions().get("supported_formats"));
        assertThrows(ApiException.class, () -> ExportFormat.of(null, List.of(MediaType.valueOf("image/png"))));
    }
}
