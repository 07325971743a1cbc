/**
 * Procurement: the suppliers the plant buys parts from, and purchase orders from draft through submission,
 * two-level approval under the four-eyes rule and approval limits, to receipts that post the parts to the
 * stock ledger.
 */
package io.factoryops.procurement;
