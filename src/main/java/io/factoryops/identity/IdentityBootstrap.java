package io.factoryops.identity;

import io.factoryops.platform.db.Constraints;
import io.factoryops.platform.error.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

    /**
     * Not in a container transaction: each attempt is a transaction of its own (UserService), so that the retry
     * does not run in the one the first attempt's failure marked for rollback.
     */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void createFirstSuperAdmin() {
        String generated;
        try {
            generated = ensureSuperAdmin();
        } catch (ApiException e) {
            throw new IllegalStateException(
                    "Cannot create the first super_admin: " + e.getMessage() + " "
                            + e.errors().stream()
                                    .map(f -> f.field() + " " + f.message())
                                    .toList(),
                    e);
        }
        if (generated != null) {
            LOG.warning("Created the first super_admin '" + username + "' with the generated password: " + generated
                    + " -- it is shown only once; log in and change it now.");
        }
    }

    /**
     * Servers of a cluster that start together on an empty database may both find no super_admin and both insert
     * one: the second insert meets the unique username (seen in ClusterIT: node A's application failed to start).
     * That server then finds the other's super_admin and keeps it.
     */
    private String ensureSuperAdmin() {
        try {
            return users.ensureSuperAdmin(username, email, password.orElse(null));
        } catch (RuntimeException e) {
            if (!Constraints.isViolation(e)) {
                throw e;
            }
            LOG.info("Another server created the first super_admin at the same time; this one keeps it");
            return users.ensureSuperAdmin(username, email, password.orElse(null));
        }
    }
}
