package io.factoryops.platform.openapi;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Which built-in roles hold a permission, for the OpenAPI document: an operation's {@code @RolesAllowed} names
 * permissions, and the document states them in {@code x-permissions} and the roles that hold them in {@code
 * x-roles} and the description's first sentence. The feature that defines the permissions implements this (found
 * with {@link ServiceLoader}: the platform knows no feature).
 */
public interface PermissionHolders {

    /** The fewest built-in roles holding {@code permission} (every role including one of them holds it too). */
    List<String> holders(String permission);

    /** The application's implementation; without one, a permission's holders are the permission itself. */
    static PermissionHolders installed() {
        return ServiceLoader.load(PermissionHolders.class, PermissionHolders.class.getClassLoader())
                .findFirst()
                .orElse(List::of);
    }
}
