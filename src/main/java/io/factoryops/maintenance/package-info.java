/** Maintenance: mechanics (employees with a mechanic account), customers' service tickets with their mechanics,
 * labour hours and the parts fitted from stock through the ledger, and the assignments of mechanics to tickets. */
package io.factoryops.maintenance;
