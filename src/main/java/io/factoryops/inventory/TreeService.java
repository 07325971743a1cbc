package io.factoryops.inventory;

import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.records.RecordService;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the trees of categories and locations share: at most {@value TreeNode#MAX_DEPTH} levels, no cycles,
 * a node with children or with things that refer to it cannot be deleted; a node's path and depth, and its
 * descendants', follow every move. Every change takes the tree's lock first ({@link Trees}) and writes its
 * audit row in the same transaction. A tree says how a request describes a node and what makes a node
 * unique (a category's name among its siblings, a location's code).
 *
 * @param <N> the node
 * @param <Q> the request that creates or replaces one
 * @param <R> its response
 */
public abstract class TreeService<N extends TreeNode, Q extends TreeService.Request, R> extends RecordService<N, R> {

    private final Class<N> type;
    private final String noun;
    private final Map<String, String> sortAttributes;
    private final String[] searched;

    /**
     * Filters of the list besides {@code q}.
     *
     * @param parentId the direct children of this node
     * @param under    everything below this node (its descendants, not itself)
     */
    public record Filter(Long parentId, Long under) {}

    /** What a request that creates or replaces a node says about its place. */
    public interface Request {

        /** The parent, or null for a root. */
        Long parentId();
    }

    /**
     * @param noun           the node in messages, in the audit log and as the tree's lock ("category")
     * @param referencedBy   what may refer to a node and keep it from being deleted ("parts")
     * @param sortAttributes the API's sort names mapped to attributes
     * @param searched       the attributes that {@code q} searches
     */
    protected TreeService(
            Class<N> type,
            String noun,
            Function<N, R> response,
            String referencedBy,
            Map<String, String> sortAttributes,
            String... searched) {
        super(type, noun, response, null, "is still referenced (by " + referencedBy + "); move them first");
        this.type = type;
        this.noun = noun;
        this.sortAttributes = sortAttributes;
        this.searched = searched;
    }

    /** A new node under {@code parent} (null: a root) as the request describes it; 409 when not unique. */
    protected abstract N create(Q request, N parent);

    /** Describes the node as the request does, to be moved under {@code parent}; 409 when not unique. */
    protected abstract void describe(N node, Q request, N parent);

    /** The 409 when the database's unique key refuses the node (a parallel change won). */
    protected abstract Supplier<ApiException> duplicate(N node);

    @Transactional
    public Page<R> list(PageRequest page, Filter filter) {
        if (filter.parentId() != null) {
            named("parent_id", filter.parentId());
        }
        Subtree under = filter.under() == null ? null : Subtree.of(named("under", filter.under()));
        return JpaPaging.find(em, type, page, sortAttributes, (cb, root) -> {
                    List<Predicate> where = new ArrayList<>();
                    if (page.q() != null) {
                        where.add(JpaPaging.containsAny(cb, root, page.q(), searched));
                    }
                    if (filter.parentId() != null) {
                        where.add(cb.equal(root.get("parentId"), filter.parentId()));
                    }
                    if (under != null) {
                        where.add(under.below(cb, root));
                    }
                    return where;
                })
                .map(this::response);
    }

    /**
     * The ids of this node and of every node below it, in id order (404 when unknown): what a filter
     * "in this category (at this location), the ones below included" compares an id with, e.g.
     * {@code root.get("categoryId").in(ids)}. One indexed prefix query on {@code id_path}.
     */
    @Transactional
    public List<Long> subtreeIds(long id) {
        return Trees.subtreeIds(em, type, find(id).getIdPath());
    }

    /**
     * This node and everything below it as a Criteria filter (404 when unknown), for lists over entities
     * that relate to a node: {@code subtree.contains(cb, root.get("category"))}, one indexed prefix range.
     */
    @Transactional
    public Subtree subtree(long id) {
        return Subtree.of(find(id));
    }

    @Transactional
    public R create(Q request) {
        Trees.lock(em, noun);
        N parent = Trees.parent(em, type, name(), request.parentId());
        N node = create(request, parent);
        Trees.insert(em, node, parent, name(), duplicate(node));
        return created(node);
    }

    /** Changes and/or moves a node; its descendants' paths and depths follow in the same transaction. */
    @Transactional
    public R replace(long id, Long expectedVersion, Q request) {
        Trees.lock(em, noun);
        return update(id, expectedVersion, node -> {
            N parent = Trees.parent(em, type, name(), request.parentId());
            Trees.requireNoCycle(node, parent, name());
            describe(node, request, parent);
            Trees.move(em, type, node, parent, name(), duplicate(node));
        });
    }

    @Override
    @Transactional
    public void delete(long id, Long expectedVersion) {
        Trees.lock(em, noun);
        super.delete(id, expectedVersion);
    }

    @Override
    protected void deleting(N node) {
        long children = Trees.children(em, type, node.getId());
        if (children > 0) {
            throw new ApiException(
                    ErrorCode.STILL_REFERENCED,
                    name() + " " + node.getId() + " has " + children + " children; delete or move them first");
        }
    }

    /** Whether another node than {@code exceptId} matches the JPQL query of ids; for the uniqueness checks. */
    protected static boolean taken(TypedQuery<Long> ids, Long exceptId) {
        return ids.getResultList().stream().anyMatch(other -> !other.equals(exceptId));
    }

    /** The node a query parameter names; 404 naming the parameter when unknown. */
    private N named(String parameter, long id) {
        return find(id, parameter);
    }
}
