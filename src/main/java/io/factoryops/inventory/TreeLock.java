package io.factoryops.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The row that every change of one tree's shape locks first (see {@link Trees#lock}). */
@Entity
@Table(name = "tree_locks")
public class TreeLock {

    @Id
    @Column(length = 40)
    private String name;

    protected TreeLock() {}

    public String getName() {
        return name;
    }
}
