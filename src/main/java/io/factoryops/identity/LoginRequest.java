package io.factoryops.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"username"|"email","password"}}: one of username or email identifies the account. */
@Schema(example = "{\"username\": \"admin\", \"password\": \"Factory-Ops-2026x\"}")
public record LoginRequest(
        @Size(max = 255) String username,
        @Size(max = 255) String email,
        @NotBlank @Size(max = 128) String password) {

    String login() {
        String value = username != null && !username.isBlank() ? username : email;
        return value == null ? null : value.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
