package io.factoryops.identity;

import java.util.List;

/** A built-in role, what it includes, which accounts it may manage and the permissions it holds. */
public record RoleResponse(
        String name, String description, List<String> includes, List<String> manages, List<String> permissions) {

    static RoleResponse of(Role role) {
        return new RoleResponse(
                role.value(),
                role.description(),
                role.groups(),
                role.manages().stream().map(Role::value).toList(),
                Permission.names(role.permissions()));
    }
}
