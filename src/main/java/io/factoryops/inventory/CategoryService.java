package io.factoryops.inventory;

import io.factoryops.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The tree of part categories ({@link TreeService}): a category's name is unique among its siblings,
 * ignoring case; one that parts refer to cannot be deleted.
 */
@ApplicationScoped
public class CategoryService extends TreeService<Category, CategoryRequest, CategoryResponse> {

    public static final Set<String> SORTABLE = Set.of("id", "name", "path", "depth", "created_at");

    public CategoryService() {
        super(
                Category.class,
                "category",
                CategoryResponse::of,
                "parts",
                Map.of("id", "id", "name", "name", "path", "path", "depth", "depth", "created_at", "createdAt"),
                "name",
                "path");
    }

    @Override
    protected Category create(CategoryRequest request, Category parent) {
        String name = request.name().trim();
        requireUniqueName(parent, name, null);
        return new Category(name);
    }

    @Override
    protected void describe(Category category, CategoryRequest request, Category parent) {
        String name = request.name().trim();
        requireUniqueName(parent, name, category.getId());
        category.rename(name);
    }

    @Override
    protected Supplier<ApiException> duplicate(Category category) {
        return duplicate(category.getName());
    }

    private void requireUniqueName(Category parent, String name, Long exceptId) {
        String jpql = "SELECT c.id FROM Category c WHERE LOWER(c.name) = :name AND "
                + (parent == null ? "c.parentId IS NULL" : "c.parentId = :parent");
        var query = em.createQuery(jpql, Long.class).setParameter("name", name.toLowerCase(Locale.ROOT));
        if (parent != null) {
            query.setParameter("parent", parent.getId());
        }
        if (taken(query, exceptId)) {
            throw duplicate(name).get();
        }
    }

    private static Supplier<ApiException> duplicate(String name) {
        return () -> ApiException.alreadyExists("name", "A category named '" + name + "' already exists there");
    }
}
