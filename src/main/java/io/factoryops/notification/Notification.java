package io.factoryops.notification;

import io.factoryops.stock.ReorderSuggestion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message to one account. Immutable but for being read: once read it stays read (reading again changes
 * nothing). The index {@code (recipient_id, is_read, created_at, id)} serves the inbox and the unread count;
 * {@code (recipient_id, type, reference_type, reference_id, created_at)} the per-recipient mail interval.
 */
@Entity
@Table(name = "notifications")
@NamedQuery(
        name = "Notification.unreadCount",
        query = "SELECT COUNT(n) FROM Notification n WHERE n.recipientId = :recipient AND n.read = FALSE")
@NamedQuery(
        name = "Notification.mailedAbout",
        query = "SELECT COUNT(n) FROM Notification n WHERE n.recipientId = :recipient AND n.type = :type "
                + "AND n.referenceType = :referenceType AND n.referenceId = :referenceId AND n.createdAt > :since "
                + "AND EXISTS (SELECT m.id FROM OutboxMail m WHERE m.notificationId = n.id)")
@NamedQuery(
        name = "Notification.readAll",
        query =
                "UPDATE Notification n SET n.read = TRUE, n.readAt = :now WHERE n.recipientId = :recipient AND n.read = FALSE")
public class Notification {

    static final int TITLE_MAX = 200;
    static final int MESSAGE_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recipient_id", nullable = false, updatable = false)
    private long recipientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40, updatable = false)
    private NotificationType type;

    @Column(nullable = false, length = TITLE_MAX, updatable = false)
    private String title;

    @Column(nullable = false, length = MESSAGE_MAX, updatable = false)
    private String message;

    @Enumerated(EnumType.STRING)
    @Column(name = "reference_type", length = 40, updatable = false)
    private ReferenceType referenceType;

    @Column(name = "reference_id", updatable = false)
    private Long referenceId;

    @Column(name = "suggested_item_id", updatable = false)
    private Long suggestedItemId;

    @Column(name = "suggested_supplier_id", updatable = false)
    private Long suggestedSupplierId;

    @Column(name = "suggested_quantity", updatable = false)
    private Integer suggestedQuantity;

    @Column(name = "is_read", nullable = false)
    private boolean read;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Notification() {}

    Notification(
            long recipientId,
            NotificationType type,
            String title,
            String message,
            Reference reference,
            ReorderSuggestion suggestion,
            Instant createdAt) {
        this.recipientId = recipientId;
        this.type = type;
        this.title = title;
        this.message = message;
        if (reference != null) {
            this.referenceType = reference.type();
            this.referenceId = reference.id();
        }
        if (suggestion != null) {
            this.suggestedItemId = suggestion.itemId();
            this.suggestedSupplierId = suggestion.supplierId();
            this.suggestedQuantity = suggestion.quantity();
        }
        this.createdAt = createdAt;
    }

    /** Marks it read now; a notification already read keeps the time it was first read. */
    void markRead(Instant now) {
        if (!read) {
            read = true;
            readAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public long getRecipientId() {
        return recipientId;
    }

    public NotificationType getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public String getMessage() {
        return message;
    }

    public ReferenceType getReferenceType() {
        return referenceType;
    }

    public Long getReferenceId() {
        return referenceId;
    }

    public Long getSuggestedItemId() {
        return suggestedItemId;
    }

    public Long getSuggestedSupplierId() {
        return suggestedSupplierId;
    }

    public Integer getSuggestedQuantity() {
        return suggestedQuantity;
    }

    public boolean isRead() {
        return read;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
