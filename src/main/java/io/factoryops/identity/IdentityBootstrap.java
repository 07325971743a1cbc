package io.factoryops.identity;

import io.factoryops.platform.error.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * First start: when no active super_admin exists, creates one from {@code factory.admin.username} /
 * {@code factory.admin.password} (FACTORY_ADMIN_USERNAME / FACTORY_ADMIN_PASSWORD). Without a
 * configured password a random one is generated and printed once to the server log.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
public class IdentityBootstrap {

    private static final Logger LOG = Logger.getLogger(IdentityBootstrap.class.getName());

    @Inject
    UserService users;

    @Inject
    @ConfigProperty(name = "factory.admin.username", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "factory.admin.email", defaultValue = "admin@factory.local")
    String email;

    @Inject
    @ConfigProperty(name = "factory.admin.password")
    Optional<String> password;

    @PostConstruct
    void createFirstSuperAdmin() {
        String generated;
        try {
            generated = users.ensureSuperAdmin(username, email, password.orElse(null));
        } catch (ApiException e) {
            throw new IllegalStateException("Cannot create the first super_admin: " + e.getMessage() + " "
                    + e.errors().stream().map(f -> f.field() + " " + f.message()).toList(), e);
        }
        if (generated != null) {
            LOG.warning("Created the first super_admin '" + username + "' with the generated password: "
                    + generated + " -- it is shown only once; log in and change it now.");
        }
    }
}
