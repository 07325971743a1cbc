package io.factoryops.platform.idempotency;

import java.util.Map;

/**
 * The documents a feature creates through a POST with an {@code Idempotency-Key} and never deletes (an order, a
 * purchase order, a service ticket): the stored answer of such a key carries the document's {@code Location}, and
 * {@link IdempotencyEffectsCheck} checks that the document exists. Documents that may be deleted later (a
 * production record, an assignment) are left out: their absence proves nothing.
 */
public interface CreatedDocuments {

    /** Per collection under {@code /api} ({@code orders}), the table whose {@code id} column holds its documents. */
    Map<String, String> tables();
}
