/** The plant's people: employees. */
package io.factoryops.workforce;
