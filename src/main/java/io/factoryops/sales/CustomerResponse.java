package io.factoryops.sales;

import io.factoryops.platform.http.Versioned;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer as the API shows it. */
public record CustomerResponse(
        Long id,
        String name,
        String email,
        @Schema(nullable = true) String phone,
        @Schema(nullable = true) String address,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    static CustomerResponse of(Customer c) {
        return new CustomerResponse(
                c.getId(),
                c.getName(),
                c.getEmail(),
                c.getPhone(),
                c.getAddress(),
                c.getVersion(),
                c.getCreatedAt(),
                c.getUpdatedAt());
    }
}
