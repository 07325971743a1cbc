package io.factoryops.platform.db;

import io.factoryops.platform.error.ApiException;

/** The If-Match check every service makes before it changes an object. */
public final class Versions {

    private Versions() {
    }

    /** 412 {@code VERSION_CONFLICT} when the client expected another version than the stored one. */
    public static void check(VersionedEntity entity, Long expectedVersion, String what) {
        if (expectedVersion != null && expectedVersion != entity.getVersion()) {
            throw ApiException.versionConflict(what, entity.getId());
        }
    }
}
