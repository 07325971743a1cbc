package io.factoryops.maintenance;

import io.factoryops.platform.idempotency.CreatedDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Service tickets are never deleted (cancelled at most): one an idempotency key created must exist. */
@ApplicationScoped
public class ServiceTicketDocuments implements CreatedDocuments {

    @Override
    public Map<String, String> tables() {
        return Map.of("service-tickets", "service_tickets");
    }
}
