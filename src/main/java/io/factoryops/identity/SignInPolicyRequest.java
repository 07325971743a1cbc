package io.factoryops.identity;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change of the sign-in policy. */
@Schema(example = "{\"staff_password_sign_in\": false}")
public record SignInPolicyRequest(@NotNull Boolean staffPasswordSignIn) {}
