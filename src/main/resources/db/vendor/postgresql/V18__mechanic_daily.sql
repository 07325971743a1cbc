-- PostgreSQL's copy of db/migration/V18__mechanic_daily.sql (DatabaseMigrations, VendorMigrations): the same schema, with
-- PostgreSQL's spelling of what it lacks: DATETIME(6) as TIMESTAMP(6) (microseconds, UTC like the server).
-- Otherwise the original, word for word; change neither without the other.

-- Top mechanics (issue 12): each mechanic's work per day, kept by the analytics refresh
-- (analytics.MechanicDailyFigure: incremental from the MECHANIC_DAY deltas written when a ticket completes,
-- or rebuilt from the tickets). A ticket worked is a completed ticket, counted on its completion day (UTC)
-- for each mechanic on it; hours are that mechanic's labour hours on it; parts are the units of the lines
-- they fitted themselves and did not give back. GET /api/mechanics/top sums a period's days per mechanic:
-- one primary-key range of (days × mechanics) rows, whatever the number of tickets.
-- Portable to H2 (MODE=LEGACY) and MySQL/MariaDB.

CREATE TABLE analytics_mechanic_daily (
    work_date   DATE           NOT NULL,
    mechanic_id BIGINT         NOT NULL,
    tickets     BIGINT         NOT NULL,
    hours       DECIMAL(16, 2) NOT NULL,
    parts       BIGINT         NOT NULL,
    computed_at TIMESTAMP(6)    NOT NULL,
    PRIMARY KEY (work_date, mechanic_id)
);

-- the tickets completed before this migration (V17 is already deployed): the same figures as a full rebuild
INSERT INTO analytics_mechanic_daily (work_date, mechanic_id, tickets, hours, parts, computed_at)
SELECT CAST(t.completed_at AS DATE), a.mechanic_id, COUNT(*), SUM(a.hours), 0, CURRENT_TIMESTAMP
FROM service_tickets t JOIN service_ticket_mechanics a ON a.ticket_id = t.id
WHERE t.status = 'COMPLETED'
GROUP BY CAST(t.completed_at AS DATE), a.mechanic_id;
UPDATE analytics_mechanic_daily SET parts = (
    SELECT COALESCE(SUM(l.quantity), 0)
    FROM service_tickets t
    JOIN service_ticket_mechanics a ON a.ticket_id = t.id AND a.mechanic_id = analytics_mechanic_daily.mechanic_id
    JOIN mechanics m ON m.id = a.mechanic_id
    JOIN service_ticket_parts l ON l.ticket_id = t.id AND l.fitted_by = m.username
    WHERE t.status = 'COMPLETED' AND l.returned_at IS NULL
      AND CAST(t.completed_at AS DATE) = analytics_mechanic_daily.work_date);

-- the rebuild's join of part lines with the mechanic who fitted them
CREATE INDEX ix_mechanics_username ON mechanics (username);
