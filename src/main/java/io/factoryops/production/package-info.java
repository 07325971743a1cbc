/** Production records: what employees made, added to stock through the ledger. */
package io.factoryops.production;
