package io.factoryops.notification;

import java.util.List;

/**
 * A mail claimed for sending by one relay run.
 *
 * @param attempts    the attempts including this one
 * @param attachments its files, in the order they were attached (none for a plain notification)
 */
public record PendingMail(
        long id, String to, String subject, String body, int attempts, List<MailAttachment> attachments) {

    public PendingMail {
        attachments = List.copyOf(attachments);
    }

    /** The row as claimed, before its attachments are read. */
    public PendingMail(long id, String to, String subject, String body, int attempts) {
        this(id, to, subject, body, attempts, List.of());
    }
}
