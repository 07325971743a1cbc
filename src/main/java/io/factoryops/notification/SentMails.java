package io.factoryops.notification;

import io.factoryops.platform.retention.ExpiringRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

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
        return ExpiringRows.deleteBefore(em, "OutboxMail", "id", "sentAt", now.minus(settings.retention()), limit);
    }
}
