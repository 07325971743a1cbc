package it.io.factoryops.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on the port the test server mails to ({@code mail.port}; the server's
 * {@code FACTORY_MAIL_*} are in src/test/liberty/jvm.options), for a test that reads what the server mails.
 * One at a time on the port: open it for a test class or a block, and close it.
 */
public final class Mailbox implements AutoCloseable {

    public static final int PORT = Integer.getInteger("mail.port", 3925);
    /** The outbox timer sends every second on the test server, retrying every 1-2 s. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    private final GreenMail smtp;

    private Mailbox(GreenMail smtp) {
        this.smtp = smtp;
    }

    public static Mailbox open() {
        GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("factory-ops", "it-mail-secret"));
        server.start();
        return new Mailbox(server);
    }

    /** The mails received so far for this address whose subject contains the text. */
    public List<MimeMessage> received(String to, String subject) {
        List<MimeMessage> found = new ArrayList<>();
        try {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getSubject() != null && m.getSubject().contains(subject)) {
                    for (var address : m.getRecipients(Message.RecipientType.TO)) {
                        if (address.toString().equalsIgnoreCase(to)) {
                            found.add(m);
                        }
                    }
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** Waits for the {@code n}th mail to this address about this subject; returns it. */
    public MimeMessage await(String to, String subject, int n) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> found = received(to, subject);
            if (found.size() >= n) {
                return found.get(n - 1);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(
                "no mail #" + n + " to " + to + " about '" + subject + "' within " + WAIT.toSeconds() + " s");
    }

    public MimeMessage await(String to, String subject) {
        return await(to, subject, 1);
    }

    /** A plain-text mail's text. */
    public static String text(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
