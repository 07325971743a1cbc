/** Products: what the plant makes and sells; their stock is a stock item of {@link io.factoryops.stock}. */
package io.factoryops.catalog;
