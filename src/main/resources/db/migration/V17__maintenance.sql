-- Maintenance (issue 12): mechanics (an employee with a mechanic account), service tickets of
-- customers' vehicles or machines, the mechanics assigned to each with their labour hours, and the
-- parts fitted from stock (taken through the ledger: its rows refer to the ticket). Portable to H2
-- (MODE=LEGACY) and MySQL/MariaDB. Foreign keys keep a customer, employee, account or part of a
-- ticket from being deleted; a mechanic is deactivated, never deleted.

CREATE TABLE mechanics (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    employee_id BIGINT       NOT NULL,
    user_id     BIGINT       NOT NULL,
    name        VARCHAR(100) NOT NULL,
    email       VARCHAR(255) NOT NULL,
    username    VARCHAR(50)  NOT NULL,
    position    VARCHAR(100),
    active      BOOLEAN      NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT uq_mechanics_employee UNIQUE (employee_id),
    CONSTRAINT uq_mechanics_user UNIQUE (user_id),
    CONSTRAINT fk_mechanics_employee FOREIGN KEY (employee_id) REFERENCES employees (id),
    CONSTRAINT fk_mechanics_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_mechanics_name ON mechanics (name);

CREATE TABLE service_tickets (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id   BIGINT         NOT NULL,
    vin           VARCHAR(17),
    serial        VARCHAR(64),
    make          VARCHAR(60),
    model         VARCHAR(60),
    asset_year    INT,
    description   VARCHAR(2000)  NOT NULL,
    priority      VARCHAR(10)    NOT NULL,
    service_date  DATE           NOT NULL,
    status        VARCHAR(20)    NOT NULL,
    labour_rate   DECIMAL(10, 2) NOT NULL,
    tax_rate      DECIMAL(5, 4)  NOT NULL,
    created_by    VARCHAR(50)    NOT NULL,
    started_at    DATETIME(6),
    completed_at  DATETIME(6),
    cancelled_at  DATETIME(6),
    created_at    DATETIME(6)    NOT NULL,
    updated_at    DATETIME(6)    NOT NULL,
    version       BIGINT         NOT NULL,
    CONSTRAINT fk_service_tickets_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT ck_service_tickets_rates CHECK (labour_rate >= 0 AND tax_rate >= 0)
);
-- the list's filters with its default sort
CREATE INDEX ix_service_tickets_status ON service_tickets (status, service_date);
CREATE INDEX ix_service_tickets_customer ON service_tickets (customer_id, service_date);
CREATE INDEX ix_service_tickets_date ON service_tickets (service_date);
-- the dashboard's tickets completed today
CREATE INDEX ix_service_tickets_completed ON service_tickets (completed_at);

-- the mechanics of a ticket (many-to-many) with their labour hours: /api/assignments lists these rows
CREATE TABLE service_ticket_mechanics (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id    BIGINT        NOT NULL,
    mechanic_id  BIGINT        NOT NULL,
    hours        DECIMAL(7, 2) NOT NULL,
    assigned_by  VARCHAR(50)   NOT NULL,
    assigned_at  DATETIME(6)   NOT NULL,
    CONSTRAINT uq_service_ticket_mechanics UNIQUE (ticket_id, mechanic_id),
    CONSTRAINT fk_service_ticket_mechanics_ticket FOREIGN KEY (ticket_id) REFERENCES service_tickets (id),
    CONSTRAINT fk_service_ticket_mechanics_mechanic FOREIGN KEY (mechanic_id) REFERENCES mechanics (id),
    CONSTRAINT ck_service_ticket_mechanics_hours CHECK (hours >= 0)
);
CREATE INDEX ix_service_ticket_mechanics_mechanic ON service_ticket_mechanics (mechanic_id, ticket_id);

-- parts fitted on a ticket: the unit cost when fitted; returned_at once given back to stock
CREATE TABLE service_ticket_parts (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id   BIGINT         NOT NULL,
    line_no     INT            NOT NULL,
    part_id     BIGINT         NOT NULL,
    quantity    INT            NOT NULL,
    unit_cost   DECIMAL(12, 2) NOT NULL,
    line_total  DECIMAL(14, 2) NOT NULL,
    fitted_by   VARCHAR(50)    NOT NULL,
    fitted_at   DATETIME(6)    NOT NULL,
    returned_at DATETIME(6),
    CONSTRAINT uq_service_ticket_parts_line UNIQUE (ticket_id, line_no),
    CONSTRAINT fk_service_ticket_parts_ticket FOREIGN KEY (ticket_id) REFERENCES service_tickets (id),
    CONSTRAINT fk_service_ticket_parts_part FOREIGN KEY (part_id) REFERENCES parts (id),
    CONSTRAINT ck_service_ticket_parts_quantity CHECK (quantity > 0),
    CONSTRAINT ck_service_ticket_parts_cost CHECK (unit_cost >= 0)
);
CREATE INDEX ix_service_ticket_parts_part ON service_ticket_parts (part_id);
