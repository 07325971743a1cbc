package io.factoryops.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** A change to one's own profile; absent fields stay as they are. */
public record ProfileRequest(
        @Size(max = 100) String fullName,
        @Email @Size(max = 255) String email) {
}
