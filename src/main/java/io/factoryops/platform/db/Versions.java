package io.factoryops.platform.db;

import io.factoryops.platform.error.ApiException;

/** The If-Match check every service makes before it changes an object. */
public final class Versions {

    private Versions() {}

    /** 412 {@code VERSION_CONFLICT} when the client expected another version than the stored one. */
    public static void check(VersionedEntity entity, Long expectedVersion, String what) {
        if (expectedVersion != null && expectedVersion != entity.getVersion()) {
            throw ApiException.versionConflict(what, entity.getId());
        }
    }

    /** The same for an object whose version the API derives (e.g. a product's, which counts its stock moves). */
    public static void check(long currentVersion, Long expectedVersion, String what, Object id) {
        if (expectedVersion != null && expectedVersion != currentVersion) {
            throw ApiException.versionConflict(what, id);
        }
    }
}
