package it.io.factoryops.support;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the document's {@code x-fraction-digits: n} back into {@code multipleOf: 10^-n} for the contract
 * check: networknt's validator computes multipleOf with BigDecimal, exactly, so the precision of money and
 * rates stays checked although the served document leaves multipleOf to no validator that computes it in
 * binary floating point (see the server's OpenApiContract).
 */
final class FractionDigits {

    static final String EXTENSION = "x-fraction-digits";

    private FractionDigits() {}

    /** Adds the multipleOf of every x-fraction-digits of this document in place and returns it. */
    static JsonNode exact(JsonNode node) {
        if (node instanceof ObjectNode object && object.path(EXTENSION).isInt() && !object.has("multipleOf")) {
            object.put(
                    "multipleOf",
                    BigDecimal.ONE.movePointLeft(object.path(EXTENSION).asInt()));
        }
        node.values().forEach(FractionDigits::exact);
        return node;
    }
}
