package io.factoryops.identity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A permission: its name, what it allows and the built-in roles that hold it. */
public record PermissionResponse(
        String name,
        String description,

        @Schema(description = "The fewest built-in roles holding it; every role that includes one of them holds it too")
        List<String> roles) {

    static PermissionResponse of(Permission permission) {
        return new PermissionResponse(
                permission.value(),
                permission.description(),
                permission.grantedTo().stream().map(Role::value).toList());
    }
}
