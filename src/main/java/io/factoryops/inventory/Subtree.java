package io.factoryops.inventory;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;

/**
 * A category or location and everything below it, as a Criteria filter: "in this category, sub-categories
 * included" is one indexed prefix range on the materialised id path ({@code id_path LIKE '/1/4/%'}), at any
 * depth. A list over entities that relate to a node ({@code @ManyToOne Category category}) filters with
 * {@code subtree.contains(cb, root.get("category"))}; one that holds the node's id only compares it with
 * {@link CategoryService#subtreeIds} / {@link LocationService#subtreeIds}.
 *
 * @param rootId       the node at the top of the subtree
 * @param idPathPrefix that node's id path, with which every id path in the subtree starts
 */
public record Subtree(long rootId, String idPathPrefix) {

    static Subtree of(TreeNode node) {
        return new Subtree(node.getId(), node.getIdPath());
    }

    /** The node lies in this subtree, its root included. */
    public Predicate contains(CriteriaBuilder cb, Path<? extends TreeNode> node) {
        return cb.like(node.<String>get("idPath"), idPathPrefix + "%");
    }

    /** The node lies below the root: in the subtree, but not the root itself. */
    public Predicate below(CriteriaBuilder cb, Path<? extends TreeNode> node) {
        return cb.and(contains(cb, node), cb.notEqual(node.get("id"), rootId));
    }
}
