package io.factoryops.inventory;

import io.factoryops.platform.db.Constraints;
import io.factoryops.platform.error.ApiException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * How categories and locations change shape. Lock order of every change of a tree (create, rename,
 * move, delete): first that tree's row in {@code tree_locks} ({@link #lock}), then the node and its
 * parent, then the node's descendants (one UPDATE by id-path prefix). Taking the tree's row first
 * serialises the changes of one tree: without it, moving A under B while another transaction moves B
 * under A (or under a descendant of A) would each pass the cycle check against the other's old paths
 * and commit a cycle, and a child created under a node while that node's subtree is rewritten would
 * keep its stale id path. Reads take no lock. Shape changes are rare master-data edits, so one writer
 * per tree costs nothing that matters; nodes are read only after the lock, so each change sees the
 * paths that the previous one committed. Rows that refer to a node (parts) take no tree lock: their
 * foreign-key check share-locks the node's row, which a move or delete of that node then waits for;
 * they never wait for the tree's row, so the two orders cannot deadlock.
 */
final class Trees {

    private Trees() {}

    /** Locks the tree ({@code category} or {@code location}) until the transaction ends. */
    static void lock(EntityManager em, String tree) {
        if (em.find(TreeLock.class, tree, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new IllegalStateException("tree_locks has no row '" + tree + "'");
        }
    }

    /** The parent a request names, or null for a root; 404 naming {@code parent_id} when unknown. */
    static <N extends TreeNode> N parent(EntityManager em, Class<N> type, String what, Long parentId) {
        if (parentId == null) {
            return null;
        }
        N parent = em.find(type, parentId);
        if (parent == null) {
            throw ApiException.notFoundField("parent_id", what, parentId);
        }
        return parent;
    }

    /**
     * Places a new node under its parent: depth checked, inserted, its id path completed with the id the
     * insert produced. A unique violation becomes {@code onDuplicate}.
     */
    static void insert(
            EntityManager em, TreeNode node, TreeNode parent, String what, Supplier<ApiException> onDuplicate) {
        int depth = parent == null ? 1 : parent.getDepth() + 1;
        if (depth > TreeNode.MAX_DEPTH) {
            throw new TreeTooDeepException(what, depth);
        }
        node.placeUnder(parent);
        em.persist(node);
        Constraints.flush(em, onDuplicate);
        // The id path ends with the id that only the insert knows. A bulk UPDATE keeps the new node at its first
        // version: EclipseLink adds "version = version + 1" to a bulk UPDATE unless the SET names the version.
        em.createQuery("UPDATE " + node.getClass().getSimpleName()
                        + " n SET n.idPath = :idPath, n.version = n.version WHERE n.id = :id")
                .setParameter("idPath", node.getIdPath() + node.getId() + "/")
                .setParameter("id", node.getId())
                .executeUpdate();
        em.refresh(node);
    }

    /**
     * Moves an existing node under {@code parent} (null: a root) after its label may have changed, and
     * rewrites the paths and depths of its descendants in the same transaction (each gets a new version,
     * since its path changed). 409 {@code TREE_CYCLE} when the parent is the node or lies below it; 400
     * when the deepest descendant would end up deeper than {@link TreeNode#MAX_DEPTH}.
     *
     * @return how many descendants were rewritten
     */
    static int move(
            EntityManager em,
            Class<? extends TreeNode> type,
            TreeNode node,
            TreeNode parent,
            String what,
            Supplier<ApiException> onDuplicate) {
        requireNoCycle(node, parent, what);
        String entity = type.getSimpleName();
        String oldIdPath = node.getIdPath();
        String oldPath = node.getPath();
        int oldDepth = node.getDepth();
        int newDepth = parent == null ? 1 : parent.getDepth() + 1;
        if (newDepth != oldDepth) {
            Integer deepest = em.createQuery(
                            "SELECT MAX(n.depth) FROM " + entity + " n WHERE n.idPath LIKE :prefix", Integer.class)
                    .setParameter("prefix", oldIdPath + "%")
                    .getSingleResult();
            int height = (deepest == null ? oldDepth : deepest) - oldDepth;
            if (newDepth + height > TreeNode.MAX_DEPTH) {
                throw new TreeTooDeepException(what, newDepth + height);
            }
        }
        node.placeUnder(parent);
        Constraints.flush(em, onDuplicate);
        if (oldIdPath.equals(node.getIdPath()) && oldPath.equals(node.getPath())) {
            return 0;
        }
        // Descendants keep what follows the node's old prefixes; SUBSTRING is 1-based.
        return em.createQuery("UPDATE " + entity + " n SET "
                        + "n.idPath = CONCAT(:idPath, SUBSTRING(n.idPath, :idFrom)), "
                        + "n.path = CONCAT(:path, SUBSTRING(n.path, :pathFrom)), "
                        + "n.depth = n.depth + :shift, n.version = n.version + 1, n.updatedAt = :now "
                        + "WHERE n.idPath LIKE :prefix AND n.id <> :id")
                .setParameter("idPath", node.getIdPath())
                .setParameter("idFrom", oldIdPath.length() + 1)
                .setParameter("path", node.getPath())
                .setParameter("pathFrom", oldPath.length() + 1)
                .setParameter("shift", node.getDepth() - oldDepth)
                .setParameter("now", Instant.now())
                .setParameter("prefix", oldIdPath + "%")
                .setParameter("id", node.getId())
                .executeUpdate();
    }

    /** 409 {@code TREE_CYCLE} when {@code parent} is the node itself or lies below it. */
    static void requireNoCycle(TreeNode node, TreeNode parent, String what) {
        if (parent != null && node.contains(parent)) {
            throw new TreeCycleException(what, node.getId(), parent.getId());
        }
    }

    /** How many children the node has (a node with children cannot be deleted). */
    static long children(EntityManager em, Class<? extends TreeNode> type, long id) {
        return em.createQuery("SELECT COUNT(n) FROM " + type.getSimpleName() + " n WHERE n.parentId = :id", Long.class)
                .setParameter("id", id)
                .getSingleResult();
    }

    /** The ids of the node with this id path and of every node below it, in id order. */
    static List<Long> subtreeIds(EntityManager em, Class<? extends TreeNode> type, String idPath) {
        return em.createQuery(
                        "SELECT n.id FROM " + type.getSimpleName() + " n WHERE n.idPath LIKE :prefix "
                                + "ORDER BY n.id",
                        Long.class)
                .setParameter("prefix", idPath + "%")
                .getResultList();
    }
}
