/** Customers and their orders. */
package io.factoryops.sales;
