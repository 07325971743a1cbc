package io.factoryops.identity;

import io.factoryops.platform.db.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A role that admins define: a name and a set of {@link Permission}s, assigned to accounts beside their built-in
 * role. The permissions are stored by their API names.
 */
@Entity
@Table(name = "custom_roles")
@NamedQuery(name = "CustomRole.byName", query = "SELECT r FROM CustomRole r WHERE r.name IN :names")
public class CustomRole extends VersionedEntity {

    @Column(nullable = false, unique = true, length = 40)
    private String name;

    @Column(length = 500)
    private String description;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "custom_role_permissions", joinColumns = @JoinColumn(name = "role_id"))
    @Column(name = "permission", nullable = false, length = 60)
    private Set<String> permissions = new HashSet<>();

    public CustomRole() {}

    void describe(String name, String description, Collection<Permission> permissions) {
        this.name = name;
        this.description = description;
        this.permissions.clear();
        this.permissions.addAll(Permission.names(permissions));
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Set<Permission> permissions() {
        return Permission.parseAll(permissions, "permissions");
    }
}
