package io.factoryops.platform.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.scanner.Scanner;

/**
 * The migrations of {@code db/migration}, except those of which a database kind has a copy of its own
 * ({@link DatabaseKind#vendorMigrations()}): the copy, of the same file name, replaces the original. So every
 * database has the same versions, and a migration written once runs everywhere unless it had to be rewritten for
 * one kind. A copy without an original is refused: it would give that kind a version the others lack.
 */
final class VendorMigrations implements ResourceProvider {

    private static final String[] SQL = {".sql"};

    private final ResourceProvider common;
    private final ResourceProvider vendor;

    VendorMigrations(Configuration configuration, String commonFolder, String vendorFolder) {
        this.common = scanner(configuration, commonFolder);
        this.vendor = scanner(configuration, vendorFolder);
        List<String> originals = names(common.getResources("", SQL));
        List<String> orphans = names(vendor.getResources("", SQL)).stream()
                .filter(name -> !originals.contains(name))
                .toList();
        if (!orphans.isEmpty()) {
            throw new IllegalStateException(
                    vendorFolder + " holds migrations that " + commonFolder + " lacks: " + orphans);
        }
    }

    @Override
    public LoadableResource getResource(String name) {
        LoadableResource resource = vendor.getResource(name);
        return resource != null ? resource : common.getResource(name);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        Map<String, LoadableResource> byName = new TreeMap<>();
        common.getResources(prefix, suffixes).forEach(r -> byName.put(r.getFilename(), r));
        vendor.getResources(prefix, suffixes).forEach(r -> byName.put(r.getFilename(), r));
        return new ArrayList<>(byName.values());
    }

    private static List<String> names(Collection<LoadableResource> resources) {
        return resources.stream().map(LoadableResource::getFilename).collect(Collectors.toList());
    }

    private static ResourceProvider scanner(Configuration configuration, String folder) {
        return new Scanner<>(JavaMigration.class, configuration, new Location[] {new Location("classpath:" + folder)});
    }
}
