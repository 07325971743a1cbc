package io.factoryops.notification;

import io.factoryops.stock.StockFellBelowReorderLevel;
import io.factoryops.stock.StockItemKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;

/**
 * Test only, deployed by {@code NotificationIT} in a copy of the application (never in the product): what
 * other features will do, over HTTP, so that the test can watch the outcome through the real API and a real
 * mail server.
 * <ul>
 * <li>{@code POST /notify?username=&type=&title=&count=}: {@link NotificationService#notifyUser} in one
 * transaction, count times (titles suffixed with 1..count);</li>
 * <li>{@code POST /low-stock?kind=&owner=&sku=&name=&before=&after=&level=&rollback=}: fires
 * {@link StockFellBelowReorderLevel} in a transaction, as the stock ledger does, counts what it wrote inside
 * that transaction, then commits or rolls back;</li>
 * <li>{@code GET /outbox?subject=}: the outbox rows whose subject contains the text.</li>
 * </ul>
 */
@WebServlet("/test/*")
public class NotificationTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    NotificationService notifications;

    @Inject
    Event<StockFellBelowReorderLevel> lowStock;

    @Resource
    UserTransaction transaction;

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Resource(lookup = "jdbc/factory")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            switch (String.valueOf(request.getPathInfo())) {
                case "/notify" -> notify(request, response);
                case "/low-stock" -> lowStock(request, response);
                default -> response.sendError(404);
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/outbox".equals(request.getPathInfo())) {
            response.sendError(404);
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT id, mail_to, subject, body, attempts, next_attempt_at, sent_at, failed_at, last_error "
                                + "FROM mail_outbox WHERE subject LIKE ? ORDER BY id")) {
            s.setString(1, "%" + request.getParameter("subject") + "%");
            JsonArrayBuilder rows = Json.createArrayBuilder();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    JsonObjectBuilder row = Json.createObjectBuilder()
                            .add("id", rs.getLong(1))
                            .add("to", rs.getString(2))
                            .add("subject", rs.getString(3))
                            .add("body", rs.getString(4))
                            .add("attempts", rs.getInt(5));
                    add(row, "next_attempt_at", rs.getTimestamp(6));
                    add(row, "sent_at", rs.getTimestamp(7));
                    add(row, "failed_at", rs.getTimestamp(8));
                    if (rs.getString(9) != null) {
                        row.add("last_error", rs.getString(9));
                    }
                    rows.add(row);
                }
            }
            json(response, rows.build().toString());
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    private void notify(HttpServletRequest request, HttpServletResponse response) throws Exception {
        int count = Integer.parseInt(request.getParameter("count"));
        NotificationType type = NotificationType.valueOf(request.getParameter("type"));
        transaction.begin();
        int written = 0;
        try {
            for (int i = 1; i <= count; i++) {
                String title = request.getParameter("title") + " " + i;
                if (notifications.notifyUser(
                        request.getParameter("username"),
                        type,
                        title,
                        "Message of " + title,
                        Reference.purchaseOrder(i))) {
                    written++;
                }
            }
            transaction.commit();
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
        json(response, "{\"written\":" + written + "}");
    }

    private void lowStock(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String sku = request.getParameter("sku");
        boolean rollback = Boolean.parseBoolean(request.getParameter("rollback"));
        transaction.begin();
        long notes;
        long mails;
        try {
            lowStock.fire(new StockFellBelowReorderLevel(
                    Long.parseLong(request.getParameter("owner")),
                    StockItemKind.valueOf(request.getParameter("kind")),
                    Long.parseLong(request.getParameter("owner")),
                    sku,
                    request.getParameter("name"),
                    Integer.parseInt(request.getParameter("before")),
                    Integer.parseInt(request.getParameter("after")),
                    Integer.parseInt(request.getParameter("level"))));
            // what the observer wrote, seen inside the transaction (the same connection)
            notes = count("SELECT COUNT(n) FROM Notification n WHERE n.title LIKE :text", sku);
            mails = count("SELECT COUNT(m) FROM OutboxMail m WHERE m.subject LIKE :text", sku);
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
        if (rollback) {
            transaction.rollback();
        } else {
            transaction.commit();
        }
        json(response, "{\"notifications_in_transaction\":" + notes + ",\"mails_in_transaction\":" + mails + "}");
    }

    /** A count in the running transaction's persistence context (flushed first). */
    private long count(String jpql, String sku) {
        return em.createQuery(jpql, Long.class)
                .setParameter("text", "%" + sku + "%")
                .getSingleResult();
    }

    private static void add(JsonObjectBuilder row, String name, Timestamp value) {
        if (value != null) {
            row.add(name, value.toInstant().toString());
        }
    }

    private static void json(HttpServletResponse response, String body) throws IOException {
        response.setContentType("application/json");
        response.getWriter().write(body);
    }
}
