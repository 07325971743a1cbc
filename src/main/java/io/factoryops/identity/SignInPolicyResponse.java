package io.factoryops.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sign-in policy. */
public record SignInPolicyResponse(
        @Schema(
                description = "Whether admins, managers and users may sign in with a password; when false they sign in "
                        + "through the identity provider. Super admins, mechanics and customers always may.")
        boolean staffPasswordSignIn,

        long version) {

    static SignInPolicyResponse of(SignInPolicy policy) {
        return new SignInPolicyResponse(policy.staffPasswordSignIn(), policy.version());
    }
}
