package io.factoryops.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A category of parts, in a tree ("Hydraulics / Seals"); its name is unique among its siblings. */
@Entity
@Table(name = "inventory_categories")
public class Category extends TreeNode {

    @Column(nullable = false, length = 60)
    private String name;

    protected Category() {}

    Category(String name) {
        this.name = name;
    }

    /** A new name; the caller re-places the node so that its path and its descendants' follow. */
    void rename(String newName) {
        this.name = newName;
    }

    @Override
    protected String label() {
        return name;
    }

    public String getName() {
        return name;
    }
}
