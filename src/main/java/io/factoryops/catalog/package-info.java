/** Products and their stock ledger: the only place where a product quantity changes. */
package io.factoryops.catalog;
