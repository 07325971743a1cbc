/**
 * Inventory: parts (each a stock owner on the {@code stock} ledger, with its reorder level and supplier),
 * the trees of part categories and stock locations (materialised id paths, so that a filter by a node
 * includes its descendants in one indexed query) and the products' bills of materials.
 */
package io.factoryops.inventory;
