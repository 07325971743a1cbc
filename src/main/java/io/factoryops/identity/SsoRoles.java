package io.factoryops.identity;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The roles an account signed in by single sign-on holds, from its groups at the provider: the highest built-in
 * role its groups map to ({@code user} when they map to custom roles only) and the custom roles they map to.
 */
record SsoRoles(Role role, Set<String> customRoles) {

    /** The built-in roles single sign-on may give, highest first. */
    static final Set<Role> GIVEN = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.USER);

    /** 403 NO_MAPPED_ROLE when no group maps to a role. */
    static SsoRoles of(Collection<String> groups, SsoSettings settings) {
        Role role = null;
        Set<String> custom = new TreeSet<>();
        for (String group : groups) {
            String mapped = settings.roleOfGroup().get(group);
            if (mapped == null) {
                continue;
            }
            Role builtIn = GIVEN.stream()
                    .filter(r -> r.value().equals(mapped))
                    .findFirst()
                    .orElse(null);
            if (builtIn == null) {
                custom.add(mapped);
            } else if (role == null || builtIn.ordinal() < role.ordinal()) {
                role = builtIn;
            }
        }
        if (role == null && custom.isEmpty()) {
            throw new ApiException(
                    ErrorCode.NO_MAPPED_ROLE,
                    "None of your groups at " + settings.name() + " gives a role here; ask an administrator");
        }
        return new SsoRoles(role == null ? Role.USER : role, Set.copyOf(custom));
    }
}
