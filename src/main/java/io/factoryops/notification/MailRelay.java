package io.factoryops.notification;

import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Sends the due mails of the outbox: claims a batch ({@link MailOutbox#claim}), sends it over one
 * connection to the mail server outside any transaction, and records each mail as sent or failed (then it
 * is retried with exponential backoff up to {@code factory.mail.max-attempts}). Run by
 * {@link MailOutboxScheduler}. Counts {@code mail_outbox_sent_total}, {@code mail_outbox_failed_total}
 * (failed attempts) and {@code mail_outbox_given_up_total}.
 */
@ApplicationScoped
public class MailRelay {

    private static final Logger LOG = Logger.getLogger(MailRelay.class.getName());
    static final int BATCH = 50;
    /** Batches per run at most, so that one run ends well before the claims' lease. */
    static final int MAX_BATCHES = 10;

    @Inject
    MailOutbox outbox;

    @Inject
    MailSettings settings;

    @Inject
    MetricRegistry metrics;

    /** Sends what is due now; returns how many mails were sent. */
    public int relayDue() {
        if (!settings.enabled()) {
            return 0;
        }
        int sent = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<PendingMail> claimed = outbox.claim(Instant.now(), BATCH);
            if (claimed.isEmpty()) {
                break;
            }
            sent += send(claimed);
            if (claimed.size() < BATCH) {
                break;
            }
        }
        return sent;
    }

    private int send(List<PendingMail> mails) {
        Session session = settings.session();
        int sent = 0;
        Transport transport = null;
        MessagingException down = null;
        try {
            transport = session.getTransport();
            connect(transport);
        } catch (MessagingException e) {
            down = e;
        }
        List<PendingMail> unsent = new ArrayList<>();
        try {
            for (PendingMail mail : mails) {
                if (down != null) {
                    unsent.add(mail);
                    continue;
                }
                try {
                    MimeMessage message = message(session, mail);
                    transport.sendMessage(message, message.getAllRecipients());
                    outbox.sent(mail.id(), Instant.now());
                    metrics.counter("mail.outbox.sent").inc();
                    sent++;
                } catch (MessagingException | RuntimeException e) {
                    failed(List.of(mail), e, true);
                    if (!transport.isConnected()) {
                        try {
                            connect(transport);
                        } catch (MessagingException again) {
                            down = again;
                        }
                    }
                }
            }
        } finally {
            close(transport);
        }
        if (down != null) {
            // the rest of the batch in one transaction; one line per run, not one per mail: a mail server down
            // for hours must not flood the log
            failed(unsent, down, false);
            LOG.warning("The mail server is unreachable; " + (mails.size() - sent) + " mail(s) wait for the next "
                    + "attempt: " + down.getClass().getSimpleName() + ": " + down.getMessage());
        }
        return sent;
    }

    private void connect(Transport transport) throws MessagingException {
        String user = settings.user();
        transport.connect(settings.host(), settings.port(), user, user == null ? null : settings.password());
    }

    private void failed(List<PendingMail> mails, Exception e, boolean log) {
        if (mails.isEmpty()) {
            return;
        }
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        List<PendingMail> givenUp = outbox.failed(mails, error, Instant.now());
        metrics.counter("mail.outbox.failed").inc(mails.size());
        for (PendingMail mail : givenUp) {
            metrics.counter("mail.outbox.given_up").inc();
            LOG.warning(() -> "Mail " + mail.id() + " given up after " + mail.attempts() + " attempts: " + error);
        }
        if (log && givenUp.isEmpty()) {
            PendingMail mail = mails.get(0);
            LOG.log(
                    Level.INFO,
                    () -> "Mail " + mail.id() + " failed (attempt " + mail.attempts() + "), will retry: " + error);
        }
    }

    private MimeMessage message(Session session, PendingMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        message.setSubject(mail.subject(), "UTF-8");
        if (mail.attachments().isEmpty()) {
            message.setText(mail.body(), "UTF-8");
        } else {
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.body(), "UTF-8");
            parts.addBodyPart(text);
            for (MailAttachment attachment : mail.attachments()) {
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(
                        new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                file.setFileName(attachment.fileName());
                file.setDisposition(Part.ATTACHMENT);
                parts.addBodyPart(file);
            }
            message.setContent(parts);
        }
        message.setSentDate(new Date());
        // RFC 3834: an automatic message; autoresponders do not answer it
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    private static void close(Transport transport) {
        if (transport != null && transport.isConnected()) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.log(Level.FINE, "Closing the mail connection failed", e);
            }
        }
    }
}
