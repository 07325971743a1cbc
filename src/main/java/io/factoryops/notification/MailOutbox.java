package io.factoryops.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox table's statements. {@link #enqueue} joins the caller's transaction; the relay's steps
 * ({@link #claim}, {@link #sent}, {@link #failed}) each run in a short transaction of their own, and the
 * mail is sent between them, outside any transaction.
 *
 * <p>Claiming: a due row ({@code sent_at IS NULL AND next_attempt_at <= now}) is claimed by one
 * {@code UPDATE … SET next_attempt_at = now + lease, attempts = attempts + 1 WHERE id = ? AND sent_at IS NULL
 * AND next_attempt_at <= now}: of two servers claiming the same row, the second one's UPDATE waits for the
 * first one's row lock and then no longer finds the row due (MySQL/MariaDB re-read the committed row), so
 * it touches nothing and does not send. A server that dies after claiming leaves the row due again when the
 * lease ends: at least once, never lost (the attempt was counted, so a mail that kills its sender is given
 * up after the maximum attempts).
 */
@ApplicationScoped
public class MailOutbox {

    /** How long a claimed row is left to its relay run; longer than a batch can take. */
    static final Duration LEASE = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    MailSettings settings;

    /** Adds a mail to the outbox in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Long notificationId, String to, String subject, String body) {
        em.persist(new OutboxMail(notificationId, to, Text.fit(subject, OutboxMail.SUBJECT_MAX),
                Text.fit(body, OutboxMail.BODY_MAX), Instant.now()));
    }

    /** Claims up to {@code limit} due rows, oldest due first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<PendingMail> claim(Instant now, int limit) {
        List<PendingMail> due = em.createQuery("SELECT NEW io.factoryops.notification.PendingMail(m.id, m.mailTo, "
                        + "m.subject, m.body, m.attempts) FROM OutboxMail m WHERE m.sentAt IS NULL "
                        + "AND m.nextAttemptAt <= :now ORDER BY m.nextAttemptAt, m.id", PendingMail.class)
                .setParameter("now", now).setMaxResults(limit).getResultList();
        List<PendingMail> claimed = new ArrayList<>();
        for (PendingMail mail : due) {
            int updated = em.createQuery("UPDATE OutboxMail m SET m.nextAttemptAt = :lease, m.attempts = m.attempts + 1 "
                            + "WHERE m.id = :id AND m.sentAt IS NULL AND m.nextAttemptAt <= :now")
                    .setParameter("lease", now.plus(LEASE)).setParameter("id", mail.id()).setParameter("now", now)
                    .executeUpdate();
            if (updated == 1) {
                claimed.add(new PendingMail(mail.id(), mail.to(), mail.subject(), mail.body(), mail.attempts() + 1));
            }
        }
        return claimed;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(long id, Instant now) {
        em.createQuery("UPDATE OutboxMail m SET m.sentAt = :now, m.nextAttemptAt = NULL, m.lastError = NULL "
                        + "WHERE m.id = :id")
                .setParameter("now", now).setParameter("id", id).executeUpdate();
    }

    /**
     * Records a failed attempt: the row is due again after the backoff, or, after the last attempt, given up
     * ({@code failed_at}; it stays in the table with its last error).
     *
     * @return whether the mail was given up
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean failed(PendingMail mail, String error, Instant now) {
        boolean giveUp = mail.attempts() >= settings.maxAttempts();
        em.createQuery("UPDATE OutboxMail m SET m.nextAttemptAt = :next, m.failedAt = :failed, m.lastError = :error "
                        + "WHERE m.id = :id AND m.sentAt IS NULL")
                .setParameter("next", giveUp ? null : now.plus(settings.backoff(mail.attempts())))
                .setParameter("failed", giveUp ? now : null)
                .setParameter("error", Text.fit(error, OutboxMail.ERROR_MAX))
                .setParameter("id", mail.id()).executeUpdate();
        return giveUp;
    }
}
