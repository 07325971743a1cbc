package io.factoryops.platform.retention;

import static io.factoryops.platform.db.Sql.single;
import static io.factoryops.platform.db.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factoryops.platform.db.Sql;
import it.io.factoryops.support.TestDeployment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: the purge that the persistent timer runs deletes expired idempotency keys, refresh
 * tokens and access-token revocations, and nothing that is still valid.
 */
@ExtendWith(ArquillianExtension.class)
class ExpiredRowsPurgeIT {

    @Deployment
    static WebArchive deployment() {
        return TestDeployment.withoutTimers("factory-ops-purge-test.war")
                .addClass(ExpiredRowsPurgeIT.class)
                .addClass(Sql.class);
    }

    @Inject
    ExpiredRowsPurge purge;

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    @Test
    void removesExpiredRowsOnly() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        Instant past = Instant.now().minus(Duration.ofMinutes(1));
        Instant future = Instant.now().plus(Duration.ofHours(1));
        try (Connection c = dataSource.getConnection()) {
            long userId = single(c, "SELECT MIN(id) FROM users");
            for (String state : new String[] {"expired", "valid"}) {
                Timestamp expires = Timestamp.from(state.equals("expired") ? past : future);
                update(
                        c,
                        "INSERT INTO idempotency_keys (principal, idem_key, request_hash, status, created_at, "
                                + "expires_at) VALUES (?, ?, ?, 201, ?, ?)",
                        "purge-" + run,
                        state,
                        "0".repeat(64),
                        Timestamp.from(past.minus(Duration.ofDays(1))),
                        expires);
                update(
                        c,
                        "INSERT INTO refresh_tokens (user_id, token_hash, family_id, expires_at, created_at) "
                                + "VALUES (?, ?, ?, ?, ?)",
                        userId,
                        hash(run + state),
                        "purge-" + run,
                        expires,
                        Timestamp.from(past.minus(Duration.ofDays(1))));
                update(
                        c,
                        "INSERT INTO revoked_access_tokens (jti, expires_at) VALUES (?, ?)",
                        "purge-" + run + "-" + state,
                        expires);
            }
        }

        Map<String, Integer> deleted = purge.run();

        for (String table : new String[] {"idempotency_keys", "refresh_tokens", "revoked_access_tokens"}) {
            assertTrue(deleted.get(table) >= 1, () -> table + " purged: " + deleted);
        }
        try (Connection c = dataSource.getConnection()) {
            assertEquals(
                    0,
                    single(
                            c,
                            "SELECT COUNT(*) FROM idempotency_keys WHERE principal = ? AND idem_key = ?",
                            "purge-" + run,
                            "expired"));
            assertEquals(
                    1,
                    single(
                            c,
                            "SELECT COUNT(*) FROM idempotency_keys WHERE principal = ? AND idem_key = ?",
                            "purge-" + run,
                            "valid"));
            assertEquals(
                    0, single(c, "SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = ?", hash(run + "expired")));
            assertEquals(1, single(c, "SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = ?", hash(run + "valid")));
            assertEquals(
                    0,
                    single(c, "SELECT COUNT(*) FROM revoked_access_tokens WHERE jti = ?", "purge-" + run + "-expired"));
            assertEquals(
                    1,
                    single(c, "SELECT COUNT(*) FROM revoked_access_tokens WHERE jti = ?", "purge-" + run + "-valid"));
            // nothing expired is left anywhere
            assertEquals(
                    0, single(c, "SELECT COUNT(*) FROM idempotency_keys WHERE expires_at < ?", Timestamp.from(past)));
            assertEquals(
                    0, single(c, "SELECT COUNT(*) FROM refresh_tokens WHERE expires_at < ?", Timestamp.from(past)));
        }
    }

    private static String hash(String value) {
        String hex = Integer.toHexString(value.hashCode());
        return (value.replaceAll("[^a-z0-9]", "") + "0".repeat(64)).substring(0, 64 - hex.length()) + hex;
    }
}
