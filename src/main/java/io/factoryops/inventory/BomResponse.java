package io.factoryops.inventory;

import java.util.List;

/** A product's bill of materials: per unit of the product, the parts it takes, in part id order. */
public record BomResponse(long productId, List<Line> lines) {

    /** A part, its label and unit, and how many of it one unit of the product takes. */
    public record Line(long partId, String sku, String name, String unit, int quantity) {}
}
