package io.factoryops.sales;

import static io.factoryops.platform.db.Sql.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factoryops.identity.TokenService;
import io.factoryops.platform.db.Sql;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.retention.ExpiredRowsPurge;
import it.io.factoryops.support.TestDeployment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * In-container: a registration whose confirmation has expired cannot be confirmed (410
 * CONFIRMATION_TOKEN_EXPIRED, nothing created), and the purge timer's run deletes it, keeping the pending ones
 * that are still valid. The rows are written with known tokens, as the mail would carry them.
 */
@ExtendWith(ArquillianExtension.class)
class CustomerRegistrationExpiryIT {

    private static final String PASSWORD = "Sturdy-Passw0rd-42";

    @Deployment
    static WebArchive deployment() {
        return TestDeployment.withoutTimers("factory-ops-registration-test.war")
                .addClass(CustomerRegistrationExpiryIT.class)
                .addClass(Sql.class);
    }

    @Inject
    CustomerRegistrationService registrations;

    @Inject
    ExpiredRowsPurge purge;

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    @Test
    void anExpiredConfirmationIsGoneAndPurged() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        Instant now = Instant.now();
        String expired = "expired-" + run + "@it.example";
        String valid = "valid-" + run + "@it.example";
        try (Connection c = dataSource.getConnection()) {
            insert(c, expired, "token-expired-" + run, now.minus(Duration.ofMinutes(1)));
            insert(c, valid, "token-valid-" + run, now.plus(Duration.ofHours(1)));
        }

        ApiException gone =
                assertThrows(ApiException.class, () -> registrations.confirm("token-expired-" + run, PASSWORD));
        assertEquals(ErrorCode.CONFIRMATION_TOKEN_EXPIRED, gone.code());
        assertEquals(410, gone.code().status());

        Map<String, Integer> deleted = purge.run();
        assertTrue(deleted.get("customer_registrations") >= 1, deleted::toString);
        try (Connection c = dataSource.getConnection()) {
            assertEquals(0, single(c, "SELECT COUNT(*) FROM customer_registrations WHERE email = ?", expired));
            assertEquals(0, single(c, "SELECT COUNT(*) FROM customers WHERE email = ?", expired));
            assertEquals(1, single(c, "SELECT COUNT(*) FROM customer_registrations WHERE email = ?", valid));
        }
        // once purged, the expired token is merely unknown
        ApiException unknown =
                assertThrows(ApiException.class, () -> registrations.confirm("token-expired-" + run, PASSWORD));
        assertEquals(ErrorCode.INVALID_CONFIRMATION_TOKEN, unknown.code());
        // the valid one confirms: the customer and its account
        CustomerResponse customer = registrations.confirm("token-valid-" + run, PASSWORD);
        assertEquals(valid, customer.email());
        try (Connection c = dataSource.getConnection()) {
            assertEquals(
                    1,
                    single(
                            c,
                            "SELECT COUNT(*) FROM users WHERE email = ? AND role = 'CUSTOMER' AND customer_id = ?",
                            valid,
                            customer.id()));
            assertEquals(0, single(c, "SELECT COUNT(*) FROM customer_registrations WHERE email = ?", valid));
        }
    }

    private static void insert(Connection c, String email, String token, Instant expiresAt) throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO customer_registrations (email, name, "
                + "token_hash, expires_at, created_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, email);
            s.setString(2, "Expiry Test");
            s.setString(3, TokenService.sha256(token));
            s.setTimestamp(4, Timestamp.from(expiresAt));
            s.setTimestamp(5, Timestamp.from(expiresAt.minus(Duration.ofDays(1))));
            s.executeUpdate();
        }
    }
}
