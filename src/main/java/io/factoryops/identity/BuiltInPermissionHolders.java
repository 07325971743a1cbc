package io.factoryops.identity;

import io.factoryops.platform.openapi.PermissionHolders;
import java.util.Arrays;
import java.util.List;

/** The built-in roles holding each permission, for the OpenAPI document (registered in META-INF/services). */
public class BuiltInPermissionHolders implements PermissionHolders {

    @Override
    public List<String> holders(String permission) {
        return Arrays.stream(Permission.values())
                .filter(p -> p.value().equals(permission))
                .findFirst()
                .map(p -> p.grantedTo().stream().map(Role::value).toList())
                .orElseThrow(() -> new IllegalStateException("@RolesAllowed names no permission: " + permission));
    }
}
