package io.factoryops.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A mail to send, written in the transaction of the change it tells about (so a rolled-back change never
 * mails) and sent later by {@link MailRelay}. Pending while {@code sent_at} is null and
 * {@code next_attempt_at} is set; sent when {@code sent_at} is set; given up (kept, with its last error)
 * when {@code failed_at} is set. The rows are changed by {@link MailOutbox}'s statements only.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    static final int SUBJECT_MAX = 255;
    static final int BODY_MAX = 4000;
    static final int ERROR_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "notification_id")
    private Long notificationId;

    @Column(name = "mail_to", nullable = false)
    private String mailTo;

    @Column(nullable = false, length = SUBJECT_MAX)
    private String subject;

    @Column(nullable = false, length = BODY_MAX)
    private String body;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "failed_at")
    private Instant failedAt;

    @Column(name = "last_error", length = ERROR_MAX)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OutboxMail() {}

    OutboxMail(Long notificationId, String mailTo, String subject, String body, Instant now) {
        this.notificationId = notificationId;
        this.mailTo = mailTo;
        this.subject = subject;
        this.body = body;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }
}
