package io.factoryops.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.TestDeployment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: relays claiming the outbox at the same moment never claim the same row (so two servers never
 * send the same mail), a claimed row is not due again until its lease ends, and the purge deletes sent mails
 * past their retention only. The rows of this test are due an hour from now, out of the real relay's reach.
 */
@ExtendWith(ArquillianExtension.class)
class MailOutboxIT {

    @Deployment
    static WebArchive deployment() {
        return TestDeployment.withoutTimers("factory-ops-outbox-test.war").addClass(MailOutboxIT.class);
    }

    @Inject
    MailOutbox outbox;

    @Inject
    SentMails sentMails;

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    /** A claim limit above every row the outbox of a test run holds. */
    private static final int ALL = 100_000;

    @Test
    void concurrentClaimsShareTheDueRowsWithoutOverlap() throws Exception {
        String run = "claim-" + System.nanoTime();
        Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Set<Long> ids = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < 20; i++) {
                ids.add(insert(c, run + "-" + i, later.minusSeconds(60), null));
            }
        }
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            Instant at = later.plusSeconds(1);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<PendingMail>>> claims = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                claims.add(executor.submit(() -> {
                    start.await();
                    // rows of other tests' mails may be due before ours (retries, leases): a limit far above
                    // them all, so that ours are among what the four relays compete for
                    return outbox.claim(at, ALL);
                }));
            }
            start.countDown();
            List<Long> claimed = new ArrayList<>();
            for (Future<List<PendingMail>> claim : claims) {
                claim.get().stream().filter(m -> m.subject().startsWith(run)).forEach(m -> {
                    claimed.add(m.id());
                    assertEquals(1, m.attempts());
                });
            }
            assertEquals(ids.size(), claimed.size(), "every row claimed once: " + claimed);
            assertEquals(ids, new HashSet<>(claimed));
            assertTrue(
                    outbox.claim(at, ALL).stream().noneMatch(m -> m.subject().startsWith(run)),
                    "a claimed row is not due again before its lease ends");
            List<PendingMail> again = outbox.claim(at.plus(MailOutbox.LEASE).plusSeconds(1), ALL).stream()
                    .filter(m -> m.subject().startsWith(run))
                    .toList();
            assertEquals(ids.size(), again.size(), "after the lease every row is due again");
            assertTrue(
                    again.stream().allMatch(m -> m.attempts() == 2),
                    "after the lease (a relay that died) the rows are due again, the attempt counted");
        } finally {
            executor.shutdownNow();
            delete(run);
        }
    }

    @Test
    void thePurgeDeletesOldSentMailsOnly() throws Exception {
        String run = "purge-" + System.nanoTime();
        Instant now = Instant.now();
        long oldSent;
        long recentSent;
        long pending;
        try (Connection c = dataSource.getConnection()) {
            oldSent = insert(c, run + "-old", null, now.minus(Duration.ofDays(8)));
            recentSent = insert(c, run + "-recent", null, now.minus(Duration.ofDays(1)));
            pending = insert(c, run + "-pending", now.plus(Duration.ofHours(1)), null);
        }
        try {
            while (sentMails.purgeExpired(now, 1000) == 1000) {
                // more than one batch of old mails from earlier runs
            }
            try (Connection c = dataSource.getConnection()) {
                assertEquals(0, count(c, oldSent));
                assertEquals(1, count(c, recentSent));
                assertEquals(1, count(c, pending));
            }
        } finally {
            delete(run);
        }
    }

    private static long insert(Connection c, String subject, Instant due, Instant sent) throws Exception {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO mail_outbox (mail_to, subject, body, attempts, "
                        + "next_attempt_at, sent_at, created_at) VALUES (?, ?, ?, 0, ?, ?, ?)",
                new String[] {"id"})) {
            s.setString(1, "outbox-it@it.example");
            s.setString(2, subject);
            s.setString(3, "Body of " + subject);
            s.setTimestamp(4, due == null ? null : Timestamp.from(due));
            s.setTimestamp(5, sent == null ? null : Timestamp.from(sent));
            s.setTimestamp(6, Timestamp.from(Instant.now()));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static long count(Connection c, long id) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM mail_outbox WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void delete(String run) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM mail_outbox WHERE subject LIKE ?")) {
            s.setString(1, run + "%");
            s.executeUpdate();
        }
    }
}
