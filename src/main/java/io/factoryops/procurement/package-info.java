/** Procurement: the suppliers the plant buys parts from (purchase orders follow). */
package io.factoryops.procurement;
