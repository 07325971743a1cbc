package io.factoryops.platform.books;

import io.factoryops.platform.db.DatabaseMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs every feature's {@link BooksCheck} in one read-only transaction and says whether the books balance: what an
 * operator runs after restoring a backup (docs/OPERATIONS.md), and what the restore drill asks the restored server.
 * It knows no feature: the checks are whatever beans implement {@link BooksCheck}.
 */
@ApplicationScoped
public class BooksBalance {

    @Inject
    @Any
    Instance<BooksCheck> checks;

    @Inject
    DatabaseMigrations migrations;

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    @Transactional
    public BooksBalanceResponse check(int limit) {
        long start = System.nanoTime();
        Instant at = Instant.now();
        List<BooksCheckResult> results = checks.stream()
                .sorted(Comparator.comparing(BooksCheck::name))
                .map(c -> c.run(limit))
                .toList();
        int pending = pendingMigrations();
        boolean balanced = pending == 0 && results.stream().allMatch(BooksCheckResult::balanced);
        return new BooksBalanceResponse(
                balanced, migrations.schemaVersion(), pending, at, (System.nanoTime() - start) / 1_000_000, results);
    }

    private int pendingMigrations() {
        try (Connection c = dataSource.getConnection()) {
            return migrations.pendingMigrations(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read Flyway's history", e);
        }
    }
}
