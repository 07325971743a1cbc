package io.factoryops.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"refresh_token"}}; also the optional body of a logout. */
@Schema(example = "{\"refresh_token\": \"3q2-7wEjQ0uYk1m5w8cB8f1x9lY2VtZXRva2Vu\"}")
public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {}
