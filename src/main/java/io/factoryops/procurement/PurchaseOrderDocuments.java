package io.factoryops.procurement;

import io.factoryops.platform.idempotency.CreatedDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Purchase orders are never deleted (cancelled at most): one an idempotency key created must exist. */
@ApplicationScoped
public class PurchaseOrderDocuments implements CreatedDocuments {

    @Override
    public Map<String, String> tables() {
        return Map.of("purchase-orders", "purchase_orders");
    }
}
