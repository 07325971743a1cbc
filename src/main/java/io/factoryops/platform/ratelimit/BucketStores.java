package io.factoryops.platform.ratelimit;

import io.factoryops.platform.db.DatabaseKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place that decides where the buckets live. It follows the database kind: the server
 * configurations of {@code DB_KIND=mysql} and {@code DB_KIND=postgresql} ({@code db/mysql.xml},
 * {@code db/postgresql.xml}) define the rate limits' data source {@value #JNDI_NAME}, the one of
 * {@code DB_KIND=h2} does not. With it, the buckets are rows of {@code rate_limit_buckets}, shared by every
 * server of a cluster, through the Bucket4j backend of the database's kind (asked of the database once); without
 * it (the embedded H2, one server), they stay in memory.
 */
@ApplicationScoped
class BucketStores {

    static final String JNDI_NAME = "jdbc/factoryRateLimits";
    private static final Logger LOG = Logger.getLogger(BucketStores.class.getName());

    @Inject
    @ConfigProperty(name = "factory.rate-limit.query-timeout-seconds", defaultValue = "2")
    long queryTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "factory.rate-limit.lease-tokens", defaultValue = "20")
    long leaseTokens;

    @Inject
    @ConfigProperty(name = "factory.rate-limit.lease-millis", defaultValue = "1000")
    long leaseMillis;

    @Produces
    @ApplicationScoped
    BucketStore store() {
        BucketStore store;
        try {
            DataSource dataSource = (DataSource) new InitialContext().lookup(JNDI_NAME);
            store = new DatabaseBucketStore(
                    dataSource,
                    kind(dataSource),
                    JNDI_NAME,
                    Duration.ofSeconds(queryTimeoutSeconds),
                    leaseTokens,
                    Duration.ofMillis(leaseMillis));
        } catch (NameNotFoundException e) {
            store = new MemoryBucketStore();
        } catch (NamingException e) {
            throw new IllegalStateException("Cannot look up the rate limits' data source " + JNDI_NAME, e);
        }
        String where = store.description();
        LOG.info(() -> "Rate-limit buckets live " + where);
        return store;
    }

    /** Which backend: an unreachable database fails this creation, and the next use tries again. */
    private static DatabaseKind kind(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return DatabaseKind.of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell the kind of the rate limits' database", e);
        }
    }
}
