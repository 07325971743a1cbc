package io.factoryops.notification;

import io.factoryops.identity.AccountDirectory;
import io.factoryops.identity.Caller;
import io.factoryops.identity.Role;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.SortFields;
import io.factoryops.stock.ReorderSuggestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Notifications: written by other features in their own transaction ({@link #notifyUser}, {@link #notifyRole}:
 * MANDATORY, so a notification commits or rolls back with the change it tells about, and so does its mail in
 * the outbox), read and marked read by their recipient only (someone else's is 404, as if it did not exist).
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());
    private static final Map<String, String> SORT_ATTRIBUTES = SortFields.attributes("read", "created_at", "id");
    public static final Set<String> SORTABLE = SORT_ATTRIBUTES.keySet();
    /** Every sort field pages by keyset too: none is ever null. */
    public static final Set<String> SEEKABLE = SORTABLE;
    /** Unread first, then newest. */
    public static final String DEFAULT_SORT = "read,-created_at,-id";

    /** Filters of the list; both optional. */
    public record Filter(Boolean read, NotificationType type) {}

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    AccountDirectory accounts;

    @Inject
    MailSettings mail;

    @Inject
    MailOutbox outbox;

    /**
     * Notifies one account, in the caller's transaction; mailed too when mail is configured and the account
     * has an email. An unknown or deactivated account is not notified (the caller's change goes on).
     *
     * @param reference what it is about, or null
     * @return whether a notification was written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean notifyUser(
            String username, NotificationType type, String title, String message, Reference reference) {
        Objects.requireNonNull(username, "username");
        return accounts.active(username)
                .map(a -> {
                    write(a, type, title, message, reference, null, List.of(), now());
                    return true;
                })
                .orElseGet(() -> {
                    LOG.info(() -> "No active account '" + username + "': " + type + " not notified");
                    return false;
                });
    }

    /**
     * Notifies every active account whose role includes {@code role} (e.g. {@link Role#ADMIN}: admins and
     * super admins), in the caller's transaction; each one mailed too when mail is configured.
     *
     * @param reference what it is about, or null
     * @return how many accounts were notified
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int notifyRole(Role role, NotificationType type, String title, String message, Reference reference) {
        return notifyRole(role, type, title, message, reference, null, List.of());
    }

    /**
     * {@link #notifyRole(Role, NotificationType, String, String, Reference)} with a suggested reorder (or null)
     * and mails that carry files (a report run, for example): each recipient's mail and its attachments go
     * into the outbox in the caller's transaction. The notification in the API names the files only.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int notifyRole(
            Role role,
            NotificationType type,
            String title,
            String message,
            Reference reference,
            ReorderSuggestion suggestion,
            List<MailAttachment> attachments) {
        Objects.requireNonNull(role, "role");
        Instant now = now();
        List<AccountDirectory.Account> recipients = accounts.activeIncluding(role);
        recipients.forEach(a -> write(a, type, title, message, reference, suggestion, attachments, now));
        return recipients.size();
    }

    private void write(
            AccountDirectory.Account recipient,
            NotificationType type,
            String title,
            String message,
            Reference reference,
            ReorderSuggestion suggestion,
            List<MailAttachment> attachments,
            Instant now) {
        Objects.requireNonNull(type, "type");
        if (title == null || title.isBlank() || message == null || message.isBlank()) {
            throw new IllegalArgumentException("A notification needs a title and a message");
        }
        Notification n = new Notification(
                recipient.id(),
                type,
                Text.fit(title.strip(), Notification.TITLE_MAX),
                Text.fit(message.strip(), Notification.MESSAGE_MAX),
                reference,
                suggestion,
                now);
        em.persist(n);
        if (mail.enabled()
                && recipient.email() != null
                && !recipient.email().isBlank()
                && !mailedRecently(recipient.id(), type, reference, now)) {
            em.flush(); // the notification's id, for the outbox row
            outbox.enqueue(n.getId(), recipient.email(), n.getTitle(), mailBody(recipient, n), attachments);
        }
    }

    /**
     * Whether this recipient was mailed about the same thing (type and reference: a part, a product, a purchase
     * order) within the minimum interval ({@link MailSettings#minInterval}): then the new notification is in the
     * API only. A notification about no object (a report run) is always mailed.
     */
    private boolean mailedRecently(long recipientId, NotificationType type, Reference reference, Instant now) {
        if (reference == null || !type.alert() || mail.minInterval().isZero()) {
            return false;
        }
        return em.createNamedQuery("Notification.mailedAbout", Long.class)
                        .setParameter("recipient", recipientId)
                        .setParameter("type", type)
                        .setParameter("referenceType", reference.type())
                        .setParameter("referenceId", reference.id())
                        .setParameter("since", now.minus(mail.minInterval()))
                        .getSingleResult()
                > 0;
    }

    /**
     * Now, to the second: what the database returns later. The columns hold microseconds, but on MariaDB
     * the application's timestamps are stored in whole seconds (seen with users.created_at too), so an answer
     * with finer times (read_at of POST …/read) would differ from the next read of the same notification.
     * Order within a second is the id's (the list sorts by -id last).
     */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String mailBody(AccountDirectory.Account recipient, Notification n) {
        return "Hello " + recipient.username() + ",\n\n" + n.getMessage()
                + "\n\n-- \nFactory Ops. This notification is "
                + "also in your notifications (GET /api/notifications).\n";
    }

    @Transactional
    public Page<NotificationResponse> list(Caller caller, PageRequest page, Filter filter) {
        return JpaPaging.find(em, Notification.class, page, SORT_ATTRIBUTES, (cb, root) -> {
                    List<Predicate> where = new ArrayList<>();
                    where.add(cb.equal(root.get("recipientId"), caller.id()));
                    if (filter.read() != null) {
                        where.add(cb.equal(root.get("read"), filter.read()));
                    }
                    if (filter.type() != null) {
                        where.add(cb.equal(root.get("type"), filter.type()));
                    }
                    return where;
                })
                .map(NotificationResponse::of);
    }

    /** Marks one of the caller's notifications read (again: nothing changes); someone else's is 404. */
    @Transactional
    public NotificationResponse markRead(Caller caller, long id) {
        Notification n = em.find(Notification.class, id);
        if (n == null || n.getRecipientId() != caller.id()) {
            throw ApiException.notFound("Notification", id);
        }
        n.markRead(now());
        return NotificationResponse.of(n);
    }

    /** Marks every unread notification of the caller read; returns how many. */
    @Transactional
    public int markAllRead(Caller caller) {
        return em.createNamedQuery("Notification.readAll")
                .setParameter("now", now())
                .setParameter("recipient", caller.id())
                .executeUpdate();
    }

    /** The caller's unread notifications: one count on the index (recipient_id, is_read, …). */
    @Transactional
    public long unreadCount(Caller caller) {
        return em.createNamedQuery("Notification.unreadCount", Long.class)
                .setParameter("recipient", caller.id())
                .getSingleResult();
    }
}
