package io.factoryops.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Every {@link RecordDirectory} of the application, asked by kind. */
@ApplicationScoped
public class RecordDirectories {

    @Inject
    @Any
    Instance<RecordDirectory> directories;

    /** Whether a record of this kind ({@code employee}, {@code customer}, {@code supplier}) has this id. */
    public boolean exists(String kind, long id) {
        return directories.stream()
                .filter(d -> d.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No directory of " + kind + " records"))
                .exists(id);
    }
}
