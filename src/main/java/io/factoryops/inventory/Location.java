package io.factoryops.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A place where stock lies, in a tree (warehouse › aisle › bin); its code ("WH1-A-03") is unique across
 * all locations and forms the path ("WH1 / WH1-A / WH1-A-03").
 */
@Entity
@Table(name = "inventory_locations")
public class Location extends TreeNode {

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    protected Location() {}

    Location(String code, String name) {
        describe(code, name);
    }

    /** A new code and name; the caller re-places the node so that its path and its descendants' follow. */
    final void describe(String newCode, String newName) {
        this.code = newCode;
        this.name = newName;
    }

    @Override
    protected String label() {
        return code;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}
