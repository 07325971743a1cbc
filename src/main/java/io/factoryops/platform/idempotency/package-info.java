/** Idempotency-Key support for POSTs that create or move something. */
package io.factoryops.platform.idempotency;
