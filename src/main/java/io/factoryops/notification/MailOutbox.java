package io.factoryops.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** Adds a mail, with its attached files if any, to the outbox in the caller's transaction: all of it, or none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Long notificationId, String to, String subject, String body, List<MailAttachment> attachments) {
        OutboxMail mail = new OutboxMail(
                notificationId,
                to,
                Text.fit(subject, OutboxMail.SUBJECT_MAX),
                Text.fit(body, OutboxMail.BODY_MAX),
                Instant.now());
        em.persist(mail);
        if (!attachments.isEmpty()) {
            em.flush(); // the mail's id, for its attachments
            attachments.forEach(a -> em.persist(new OutboxAttachment(mail.getId(), a)));
        }
    }

    /** Claims up to {@code limit} due rows, oldest due first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<PendingMail> claim(Instant now, int limit) {
        List<PendingMail> due = em.createQuery(
                        "SELECT NEW io.factoryops.notification.PendingMail(m.id, m.mailTo, "
                                + "m.subject, m.body, m.attempts) FROM OutboxMail m WHERE m.sentAt IS NULL "
                                + "AND m.nextAttemptAt <= :now ORDER BY m.nextAttemptAt, m.id",
                        PendingMail.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
        List<PendingMail> claimed = new ArrayList<>();
        for (PendingMail mail : due) {
            int updated = em.createQuery(
                            "UPDATE OutboxMail m SET m.nextAttemptAt = :lease, m.attempts = m.attempts + 1 "
                                    + "WHERE m.id = :id AND m.sentAt IS NULL AND m.nextAttemptAt <= :now")
                    .setParameter("lease", now.plus(LEASE))
                    .setParameter("id", mail.id())
                    .setParameter("now", now)
                    .executeUpdate();
            if (updated == 1) {
                claimed.add(new PendingMail(mail.id(), mail.to(), mail.subject(), mail.body(), mail.attempts() + 1));
            }
        }
        return withAttachments(claimed);
    }

    /** The claimed mails with their attachments (one query for the batch; most mails have none). */
    private List<PendingMail> withAttachments(List<PendingMail> claimed) {
        if (claimed.isEmpty()) {
            return claimed;
        }
        List<OutboxAttachment> files = em.createQuery(
                        "SELECT a FROM OutboxAttachment a WHERE a.mailId IN :ids ORDER BY a.mailId, a.id",
                        OutboxAttachment.class)
                .setParameter("ids", claimed.stream().map(PendingMail::id).toList())
                .getResultList();
        if (files.isEmpty()) {
            return claimed;
        }
        Map<Long, List<MailAttachment>> byMail = new HashMap<>();
        files.forEach(f ->
                byMail.computeIfAbsent(f.getMailId(), k -> new ArrayList<>()).add(f.toAttachment()));
        return claimed.stream()
                .map(m -> new PendingMail(
                        m.id(), m.to(), m.subject(), m.body(), m.attempts(), byMail.getOrDefault(m.id(), List.of())))
                .toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sent(long id, Instant now) {
        em.createQuery("UPDATE OutboxMail m SET m.sentAt = :now, m.nextAttemptAt = NULL, m.lastError = NULL "
                        + "WHERE m.id = :id")
                .setParameter("now", now)
                .setParameter("id", id)
                .executeUpdate();
    }

    /**
     * Records a failed attempt of each mail, in one transaction (a mail server that is down fails a whole batch:
     * one connection for it, not one per mail): each row is due again after its own backoff, or, after its last
     * attempt, given up ({@code failed_at}; it stays in the table with its last error).
     *
     * @return the mails given up
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<PendingMail> failed(List<PendingMail> mails, String error, Instant now) {
        List<PendingMail> givenUp = new ArrayList<>();
        for (PendingMail mail : mails) {
            boolean giveUp = mail.attempts() >= settings.maxAttempts();
            em.createQuery("UPDATE OutboxMail m SET m.nextAttemptAt = :next, m.failedAt = :failed, "
                            + "m.lastError = :error WHERE m.id = :id AND m.sentAt IS NULL")
                    .setParameter("next", giveUp ? null : now.plus(settings.backoff(mail.attempts())))
                    .setParameter("failed", giveUp ? now : null)
                    .setParameter("error", Text.fit(error, OutboxMail.ERROR_MAX))
                    .setParameter("id", mail.id())
                    .executeUpdate();
            if (giveUp) {
                givenUp.add(mail);
            }
        }
        return givenUp;
    }
}
