package io.factoryops.notification;

import io.factoryops.platform.retention.ExpiringEntities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Sent mails older than {@code factory.mail.retention-days} (7): deleted by the purge timer. Pending rows and
 * rows given up are kept.
 */
@ApplicationScoped
public class SentMails extends ExpiringEntities {

    @Inject
    MailSettings settings;

    public SentMails() {
        super("mail_outbox", "OutboxMail", "id", "sentAt");
    }

    @Override
    protected Instant expiredBefore(Instant now) {
        return now.minus(settings.retention());
    }
}
