package io.factoryops.procurement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a purchase order is rejected; required. */
@Schema(example = "{\"reason\": \"Price above the framework agreement\"}")
public record RejectRequest(@NotBlank @Size(max = 500) String reason) {}
