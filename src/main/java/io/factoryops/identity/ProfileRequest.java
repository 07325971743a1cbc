package io.factoryops.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change to one's own profile; absent fields stay as they are. */
@Schema(example = "{\"full_name\": \"Maria Lopez\", \"email\": \"maria.lopez@plant.example\"}")
public record ProfileRequest(
        @Size(max = 100) String fullName,
        @Email @Size(max = 255) String email) {}
