/**
 * Inventory master data: the trees of part categories and stock locations (materialised id paths, so that
 * a filter by a node includes its descendants in one indexed query); parts follow.
 */
package io.factoryops.inventory;
