package io.factoryops.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code {"refresh_token"}}; also the optional body of a logout. */
public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
}
