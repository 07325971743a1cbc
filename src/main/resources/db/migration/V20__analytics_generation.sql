-- Each analytics refresh numbers itself: AnalyticsService remembers page totals per refresh under this
-- number. It used refreshed_at, which MariaDB 10.x receives cut to the second through mysql-connector-j
-- (README: Running on MySQL / MariaDB), so that two refreshes in one second shared their totals and the
-- second one's were never counted. Portable to H2 (MODE=LEGACY) and MySQL/MariaDB.
ALTER TABLE analytics_state ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
