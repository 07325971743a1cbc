package io.factoryops.notification;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A file attached to an {@link OutboxMail}, written with it in the same transaction and deleted with it (the
 * foreign key cascades when the purge deletes the sent mail).
 */
@Entity
@Table(name = "mail_outbox_attachments")
public class OutboxAttachment {

    static final int FILE_NAME_MAX = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "mail_id", nullable = false, updatable = false)
    private long mailId;

    @Column(name = "file_name", nullable = false, updatable = false, length = FILE_NAME_MAX)
    private String fileName;

    @Column(name = "content_type", nullable = false, updatable = false, length = 100)
    private String contentType;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] content;

    protected OutboxAttachment() {}

    OutboxAttachment(long mailId, MailAttachment attachment) {
        this.mailId = mailId;
        this.fileName = attachment.fileName();
        this.contentType = attachment.contentType();
        this.content = attachment.content();
    }

    long getMailId() {
        return mailId;
    }

    MailAttachment toAttachment() {
        return new MailAttachment(fileName, contentType, content);
    }
}
