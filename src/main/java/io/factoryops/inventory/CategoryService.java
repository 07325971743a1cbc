package io.factoryops.inventory;

import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.db.Constraints;
import io.factoryops.platform.db.Versions;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.error.FieldError;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The tree of part categories: names unique among siblings (ignoring case), at most
 * {@value TreeNode#MAX_DEPTH} levels, no cycles; a category with sub-categories or parts cannot be
 * deleted. Every change takes the tree's lock first ({@link Trees}) and writes its audit row in the
 * same transaction.
 */
@ApplicationScoped
public class CategoryService {

    public static final Set<String> SORTABLE = Set.of("id", "name", "path", "depth", "created_at");
    private static final Map<String, String> SORT_ATTRIBUTES = Map.of("id", "id", "name", "name", "path", "path",
            "depth", "depth", "created_at", "createdAt");
    private static final String TREE = "category";
    private static final String WHAT = "Category";

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    AuditService audit;

    /**
     * Filters of the list besides {@code q}.
     *
     * @param parentId the direct children of this category
     * @param under    everything below this category (its descendants, not itself)
     */
    public record Filter(Long parentId, Long under) {
    }

    @Transactional
    public Page<CategoryResponse> list(PageRequest page, Filter filter) {
        if (filter.parentId() != null) {
            named("parent_id", filter.parentId());
        }
        Subtree under = filter.under() == null ? null : Subtree.of(named("under", filter.under()));
        return JpaPaging.find(em, Category.class, page, SORT_ATTRIBUTES, (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (page.q() != null) {
                where.add(JpaPaging.containsAny(cb, root, page.q(), "name", "path"));
            }
            if (filter.parentId() != null) {
                where.add(cb.equal(root.get("parentId"), filter.parentId()));
            }
            if (under != null) {
                where.add(under.below(cb, root));
            }
            return where;
        }).map(CategoryResponse::of);
    }

    @Transactional
    public CategoryResponse get(long id) {
        return CategoryResponse.of(find(id));
    }

    /**
     * The ids of this category and of every category below it, in id order (404 when unknown): what a filter
     * "in this category, sub-categories included" compares a part's category id with, e.g.
     * {@code root.get("categoryId").in(ids)}. One indexed prefix query on {@code id_path}.
     */
    @Transactional
    public List<Long> subtreeIds(long id) {
        return Trees.subtreeIds(em, Category.class, find(id).getIdPath());
    }

    /**
     * This category and everything below it as a Criteria filter (404 when unknown), for lists over entities
     * that relate to a category: {@code subtree.contains(cb, root.get("category"))}, one indexed prefix range.
     */
    @Transactional
    public Subtree subtree(long id) {
        return Subtree.of(find(id));
    }

    @Transactional
    public CategoryResponse create(CategoryRequest request) {
        Trees.lock(em, TREE);
        Category parent = Trees.parent(em, Category.class, WHAT, request.parentId());
        String name = request.name().trim();
        requireUniqueName(parent, name, null);
        Category category = new Category(name);
        Trees.insert(em, category, parent, WHAT, duplicate(name));
        CategoryResponse created = CategoryResponse.of(category);
        audit.record("CREATE", "category", category.getId(), null, created);
        return created;
    }

    /** Renames and/or moves a category; its descendants' paths and depths follow in the same transaction. */
    @Transactional
    public CategoryResponse replace(long id, Long expectedVersion, CategoryRequest request) {
        Trees.lock(em, TREE);
        Category category = find(id);
        Versions.check(category, expectedVersion, WHAT);
        CategoryResponse before = CategoryResponse.of(category);
        Category parent = Trees.parent(em, Category.class, WHAT, request.parentId());
        Trees.requireNoCycle(category, parent, WHAT);
        String name = request.name().trim();
        requireUniqueName(parent, name, id);
        category.rename(name);
        Trees.move(em, Category.class, category, parent, WHAT, duplicate(name));
        CategoryResponse after = CategoryResponse.of(category);
        audit.record("UPDATE", "category", id, before, after);
        return after;
    }

    @Transactional
    public void delete(long id, Long expectedVersion) {
        Trees.lock(em, TREE);
        Category category = find(id);
        Versions.check(category, expectedVersion, WHAT);
        long children = Trees.children(em, Category.class, id);
        if (children > 0) {
            throw new ApiException(ErrorCode.STILL_REFERENCED, "Category " + id + " has " + children
                    + " sub-categories; delete or move them first");
        }
        CategoryResponse before = CategoryResponse.of(category);
        em.remove(category);
        Constraints.flush(em, () -> new ApiException(ErrorCode.STILL_REFERENCED,
                "Category " + id + " is still referenced (by parts); move them to another category first"));
        audit.record("DELETE", "category", id, before, null);
    }

    private Category find(long id) {
        Category category = em.find(Category.class, id);
        if (category == null) {
            throw ApiException.notFound(WHAT, id);
        }
        return category;
    }

    /** The category a query parameter names; 404 naming the parameter when unknown. */
    private Category named(String parameter, long id) {
        Category category = em.find(Category.class, id);
        if (category == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, parameter + ": category " + id + " was not found",
                    List.of(new FieldError(parameter, "category not found")), Map.of());
        }
        return category;
    }

    private void requireUniqueName(Category parent, String name, Long exceptId) {
        String jpql = "SELECT c.id FROM Category c WHERE LOWER(c.name) = :name AND "
                + (parent == null ? "c.parentId IS NULL" : "c.parentId = :parent");
        var query = em.createQuery(jpql, Long.class).setParameter("name", name.toLowerCase(Locale.ROOT));
        if (parent != null) {
            query.setParameter("parent", parent.getId());
        }
        if (query.getResultList().stream().anyMatch(other -> !other.equals(exceptId))) {
            throw duplicate(name).get();
        }
    }

    private static Supplier<ApiException> duplicate(String name) {
        return () -> ApiException.alreadyExists("name", "A category named '" + name + "' already exists there");
    }
}
