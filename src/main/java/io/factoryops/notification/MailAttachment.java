package io.factoryops.notification;

import java.util.Objects;

/**
 * A file attached to a mail (a report run, for example): written to the outbox with the mail, in the same
 * transaction, and sent as a MIME part after the text.
 *
 * @param fileName    the name the recipient sees, at most 100 characters
 * @param contentType its media type, e.g. {@code application/json}
 */
public record MailAttachment(String fileName, String contentType, byte[] content) {

    /** The largest attachment the outbox holds (its column is a MEDIUMBLOB: 16 MiB). */
    public static final int MAX_BYTES = 16 * 1024 * 1024 - 1;

    public MailAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        if (fileName.isBlank() || fileName.length() > OutboxAttachment.FILE_NAME_MAX) {
            throw new IllegalArgumentException(
                    "An attachment's file name has 1 to " + OutboxAttachment.FILE_NAME_MAX + " characters");
        }
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException("An attachment holds at most " + MAX_BYTES + " bytes");
        }
    }
}
