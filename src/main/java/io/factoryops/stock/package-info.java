/**
 * The stock ledger of everything counted, products and parts alike: one owner of each quantity (a
 * stock item), one append-only movement table with typed references, one lock order.
 */
package io.factoryops.stock;
