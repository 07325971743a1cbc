package io.factoryops.platform.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void typesAndStatusMapping() {
        assertEquals("/problems/insufficient-stock", ErrorCode.INSUFFICIENT_STOCK.type());
        assertEquals(ErrorCode.NOT_FOUND, ErrorCode.forStatus(404));
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.forStatus(415));
        assertEquals(ErrorCode.PRECONDITION_REQUIRED, ErrorCode.forStatus(428));
        assertEquals("/problems/precondition-required", ErrorCode.PRECONDITION_REQUIRED.type());
        assertEquals(ErrorCode.INTERNAL_ERROR, ErrorCode.forStatus(502));
        assertEquals(ErrorCode.BAD_REQUEST, ErrorCode.forStatus(418));
    }

    @Test
    void snakeCase() {
        assertEquals("hire_date", SnakeCase.of("hireDate"));
        assertEquals("per_page", SnakeCase.of("per_page"));
        assertEquals("name", SnakeCase.of("name"));
    }
}
