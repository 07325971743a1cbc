package io.factoryops.workforce;

import io.factoryops.platform.http.Versioned;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An employee as the API shows it. */
public record EmployeeResponse(
        Long id,
        String name,
        String email,
        @Schema(nullable = true) String position,
        @Schema(nullable = true) String department,
        @Schema(nullable = true) LocalDate hireDate,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    static EmployeeResponse of(Employee e) {
        return new EmployeeResponse(
                e.getId(),
                e.getName(),
                e.getEmail(),
                e.getPosition(),
                e.getDepartment(),
                e.getHireDate(),
                e.isActive(),
                e.getVersion(),
                e.getCreatedAt(),
                e.getUpdatedAt());
    }
}
