package io.factoryops.inventory;

import io.factoryops.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * A node of a tree stored with a materialised path: {@code id_path} holds the ids from the root down to
 * this node, {@code "/1/4/9/"}, so that "this node and everything below it" is the prefix query
 * {@code id_path LIKE '/1/4/9/%'}; {@code path} is the readable form (the labels from the root joined
 * with {@value #SEPARATOR}); {@code depth} is 1 for a root and at most {@value #MAX_DEPTH}.
 */
@MappedSuperclass
public abstract class TreeNode extends VersionedEntity {

    public static final int MAX_DEPTH = 10;
    public static final String SEPARATOR = " / ";

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "id_path", nullable = false, length = 220)
    private String idPath;

    @Column(nullable = false, length = 640)
    private String path;

    @Column(nullable = false)
    private int depth;

    /** This node's part of {@code path}: a category's name, a location's code. */
    protected abstract String label();

    /**
     * Puts this node under {@code parent} (null: a root) with its current label. A new node has no id yet:
     * its id path ends at its parent's until the insert has given it one (see {@link Trees#insert}).
     */
    final void placeUnder(TreeNode parent) {
        this.parentId = parent == null ? null : parent.getId();
        this.depth = parent == null ? 1 : parent.depth + 1;
        this.path = parent == null ? label() : parent.path + SEPARATOR + label();
        this.idPath = (parent == null ? "/" : parent.idPath) + (getId() == null ? "" : getId() + "/");
    }

    /** Whether {@code other} is this node or lies below it. */
    final boolean contains(TreeNode other) {
        return other.idPath.startsWith(idPath);
    }

    public Long getParentId() {
        return parentId;
    }

    public String getIdPath() {
        return idPath;
    }

    public String getPath() {
        return path;
    }

    public int getDepth() {
        return depth;
    }
}
