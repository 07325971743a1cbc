package io.factoryops.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factoryops.sales.CustomerRequest;
import io.factoryops.sales.CustomerService;
import it.io.factoryops.support.TestDeployment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo load's claim on the integration server's database, which is not empty: refused, naming what is there;
 * with an earlier load's marker, refused as loaded already. Each claim runs in a transaction rolled back, so the
 * shared database keeps no marker. (DemoDataIT proves the load itself on an empty database of its own.)
 */
@ExtendWith(ArquillianExtension.class)
class DemoPlantClaimIT {

    @Deployment
    static WebArchive deployment() {
        return TestDeployment.withoutTimers("factory-ops-demo-test.war").addClass(DemoPlantClaimIT.class);
    }

    @Inject
    DemoDataClaim claim;

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    @Inject
    CustomerService customers;

    @Test
    void aDatabaseWithDataOrWithAnEarlierLoadIsNotClaimed() throws Exception {
        // whatever else the suite wrote before, this database has a customer
        customers.create(
                new CustomerRequest("Claim Check", "claim-check-" + System.nanoTime() + "@it.example", null, null));
        transaction.begin();
        try {
            Optional<String> refusal = claim.claim(Instant.now());
            assertTrue(refusal.orElse("").startsWith("the database is not empty (it has "), refusal.toString());
            assertTrue(refusal.get().contains("customers"), refusal.get());
        } finally {
            transaction.rollback();
        }
        transaction.begin();
        try {
            // the data source's connection joins the transaction, as the claim's does
            try (Connection c = dataSource.getConnection();
                    PreparedStatement p =
                            c.prepareStatement("INSERT INTO demo_data (id, seed, loaded_at) VALUES (1, ?, ?)")) {
                p.setLong(1, DemoPlant.SEED);
                p.setTimestamp(2, Timestamp.from(Instant.now()));
                p.executeUpdate();
            }
            Optional<String> refusal = claim.claim(Instant.now());
            assertTrue(refusal.orElse("").startsWith("the demo data was loaded already"), refusal.toString());
        } finally {
            transaction.rollback();
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM demo_data")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "no marker stays behind");
        }
    }
}
