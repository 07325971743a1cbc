package io.factoryops.procurement;

import io.factoryops.platform.http.Versioned;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A supplier as the API shows it. */
public record SupplierResponse(
        Long id,
        String name,
        String code,
        @Schema(nullable = true) String contact,
        @Schema(nullable = true) String email,
        @Schema(nullable = true) String phone,
        @Schema(nullable = true) String address,

        @Schema(nullable = true, minimum = "0", maximum = "365")
        Integer leadTimeDays,

        @Schema(nullable = true) String paymentTerms,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    static SupplierResponse of(Supplier s) {
        return new SupplierResponse(
                s.getId(),
                s.getName(),
                s.getCode(),
                s.getContact(),
                s.getEmail(),
                s.getPhone(),
                s.getAddress(),
                s.getLeadTimeDays(),
                s.getPaymentTerms(),
                s.isActive(),
                s.getVersion(),
                s.getCreatedAt(),
                s.getUpdatedAt());
    }
}
