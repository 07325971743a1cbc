package io.factoryops.identity;

import java.util.List;

/** A role, what it includes and which accounts it may manage. */
public record RoleResponse(String name, String description, List<String> includes, List<String> manages) {

    static RoleResponse of(Role role) {
        return new RoleResponse(
                role.value(),
                role.description(),
                role.groups(),
                role.manages().stream().map(Role::value).toList());
    }
}
