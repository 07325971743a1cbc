package io.factoryops.notification;

import io.factoryops.platform.retention.ExpiringRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Sent mails older than {@code factory.mail.retention-days} (7): deleted by the purge timer. Pending rows and
 * rows given up are kept.
 */
@ApplicationScoped
public class SentMails implements ExpiringRows {

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    MailSettings settings;

    @Override
    public String name() {
        return "mail_outbox";
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeExpired(Instant now, int limit) {
        List<Long> ids = em.createQuery("SELECT m.id FROM OutboxMail m WHERE m.sentAt < :before", Long.class)
                .setParameter("before", now.minus(settings.retention())).setMaxResults(limit).getResultList();
        return ids.isEmpty() ? 0 : em.createQuery("DELETE FROM OutboxMail m WHERE m.id IN :ids")
                .setParameter("ids", ids).executeUpdate();
    }
}
