package io.factoryops.inventory;

import io.factoryops.platform.Text;
import io.factoryops.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The tree of stock locations, warehouse › aisle › bin ({@link TreeService}): a location's code is unique
 * across all locations, ignoring case; one that parts or stock refer to cannot be deleted.
 */
@ApplicationScoped
public class LocationService extends TreeService<Location, LocationRequest, LocationResponse> {

    public static final Set<String> SORTABLE = Set.of("id", "code", "name", "path", "depth", "created_at");

    public LocationService() {
        super(
                Location.class,
                "location",
                LocationResponse::of,
                "parts or stock",
                Map.of(
                        "id",
                        "id",
                        "code",
                        "code",
                        "name",
                        "name",
                        "path",
                        "path",
                        "depth",
                        "depth",
                        "created_at",
                        "createdAt"),
                "code",
                "name");
    }

    @Override
    protected Location create(LocationRequest request, Location parent) {
        String code = Text.normalizeCode(request.code());
        requireUniqueCode(code, null);
        return new Location(code, request.name().trim());
    }

    @Override
    protected void describe(Location location, LocationRequest request, Location parent) {
        String code = Text.normalizeCode(request.code());
        requireUniqueCode(code, location.getId());
        location.describe(code, request.name().trim());
    }

    @Override
    protected Supplier<ApiException> duplicate(Location location) {
        return duplicate(location.getCode());
    }

    private void requireUniqueCode(String code, Long exceptId) {
        if (taken(
                em.createQuery("SELECT l.id FROM Location l WHERE l.code = :code", Long.class)
                        .setParameter("code", code),
                exceptId)) {
            throw duplicate(code).get();
        }
    }

    private static Supplier<ApiException> duplicate(String code) {
        return () -> ApiException.alreadyExists("code", "Another location already has the code " + code);
    }
}
