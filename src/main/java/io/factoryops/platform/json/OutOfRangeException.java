package io.factoryops.platform.json;

import jakarta.json.bind.JsonbException;

/**
 * A well-formed body value outside the range the API accepts (a decimal of a million digits, the year
 * 999999999): the client's mistake in a field, answered 400 {@code VALIDATION_FAILED} naming it.
 */
public class OutOfRangeException extends JsonbException {

    private static final long serialVersionUID = 1L;

    public OutOfRangeException(String message) {
        super(message);
    }
}
