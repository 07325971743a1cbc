package io.factoryops.inventory;

import io.factoryops.platform.Text;
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
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The tree of stock locations (warehouse › aisle › bin): codes unique across all locations (ignoring
 * case), at most {@value TreeNode#MAX_DEPTH} levels, no cycles; a location with children or stock cannot
 * be deleted. Every change takes the tree's lock first ({@link Trees}) and writes its audit row in the
 * same transaction.
 */
@ApplicationScoped
public class LocationService {

    public static final Set<String> SORTABLE = Set.of("id", "code", "name", "path", "depth", "created_at");
    private static final Map<String, String> SORT_ATTRIBUTES = Map.of("id", "id", "code", "code", "name", "name",
            "path", "path", "depth", "depth", "created_at", "createdAt");
    private static final String TREE = "location";
    private static final String WHAT = "Location";

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    AuditService audit;

    /**
     * Filters of the list besides {@code q}.
     *
     * @param parentId the direct children of this location
     * @param under    everything below this location (its descendants, not itself)
     */
    public record Filter(Long parentId, Long under) {
    }

    @Transactional
    public Page<LocationResponse> list(PageRequest page, Filter filter) {
        if (filter.parentId() != null) {
            named("parent_id", filter.parentId());
        }
        Subtree under = filter.under() == null ? null : Subtree.of(named("under", filter.under()));
        return JpaPaging.find(em, Location.class, page, SORT_ATTRIBUTES, (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (page.q() != null) {
                where.add(JpaPaging.containsAny(cb, root, page.q(), "code", "name"));
            }
            if (filter.parentId() != null) {
                where.add(cb.equal(root.get("parentId"), filter.parentId()));
            }
            if (under != null) {
                where.add(under.below(cb, root));
            }
            return where;
        }).map(LocationResponse::of);
    }

    @Transactional
    public LocationResponse get(long id) {
        return LocationResponse.of(find(id));
    }

    /**
     * The ids of this location and of every location below it, in id order (404 when unknown): what a filter
     * "at this location, sub-locations included" compares a part's location id with, e.g.
     * {@code root.get("locationId").in(ids)}. One indexed prefix query on {@code id_path}.
     */
    @Transactional
    public List<Long> subtreeIds(long id) {
        return Trees.subtreeIds(em, Location.class, find(id).getIdPath());
    }

    /**
     * This location and everything below it as a Criteria filter (404 when unknown), for lists over entities
     * that relate to a location: {@code subtree.contains(cb, root.get("location"))}, one indexed prefix range.
     */
    @Transactional
    public Subtree subtree(long id) {
        return Subtree.of(find(id));
    }

    @Transactional
    public LocationResponse create(LocationRequest request) {
        Trees.lock(em, TREE);
        Location parent = Trees.parent(em, Location.class, WHAT, request.parentId());
        String code = Text.normalizeCode(request.code());
        requireUniqueCode(code, null);
        Location location = new Location(code, request.name().trim());
        Trees.insert(em, location, parent, WHAT, duplicate(code));
        LocationResponse created = LocationResponse.of(location);
        audit.record("CREATE", "location", location.getId(), null, created);
        return created;
    }

    /** Changes and/or moves a location; its descendants' paths and depths follow in the same transaction. */
    @Transactional
    public LocationResponse replace(long id, Long expectedVersion, LocationRequest request) {
        Trees.lock(em, TREE);
        Location location = find(id);
        Versions.check(location, expectedVersion, WHAT);
        LocationResponse before = LocationResponse.of(location);
        Location parent = Trees.parent(em, Location.class, WHAT, request.parentId());
        Trees.requireNoCycle(location, parent, WHAT);
        String code = Text.normalizeCode(request.code());
        requireUniqueCode(code, id);
        location.describe(code, request.name().trim());
        Trees.move(em, Location.class, location, parent, WHAT, duplicate(code));
        LocationResponse after = LocationResponse.of(location);
        audit.record("UPDATE", "location", id, before, after);
        return after;
    }

    @Transactional
    public void delete(long id, Long expectedVersion) {
        Trees.lock(em, TREE);
        Location location = find(id);
        Versions.check(location, expectedVersion, WHAT);
        long children = Trees.children(em, Location.class, id);
        if (children > 0) {
            throw new ApiException(ErrorCode.STILL_REFERENCED, "Location " + id + " has " + children
                    + " sub-locations; delete or move them first");
        }
        LocationResponse before = LocationResponse.of(location);
        em.remove(location);
        Constraints.flush(em, () -> new ApiException(ErrorCode.STILL_REFERENCED,
                "Location " + id + " is still referenced (by parts or stock); move them first"));
        audit.record("DELETE", "location", id, before, null);
    }

    private Location find(long id) {
        Location location = em.find(Location.class, id);
        if (location == null) {
            throw ApiException.notFound(WHAT, id);
        }
        return location;
    }

    /** The location a query parameter names; 404 naming the parameter when unknown. */
    private Location named(String parameter, long id) {
        Location location = em.find(Location.class, id);
        if (location == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, parameter + ": location " + id + " was not found",
                    List.of(new FieldError(parameter, "location not found")), Map.of());
        }
        return location;
    }

    private void requireUniqueCode(String code, Long exceptId) {
        boolean taken = em.createQuery("SELECT l.id FROM Location l WHERE l.code = :code", Long.class)
                .setParameter("code", code)
                .getResultList().stream().anyMatch(other -> !other.equals(exceptId));
        if (taken) {
            throw duplicate(code).get();
        }
    }

    private static Supplier<ApiException> duplicate(String code) {
        return () -> ApiException.alreadyExists("code", "Another location already has the code " + code);
    }
}
