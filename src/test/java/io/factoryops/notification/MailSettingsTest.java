package io.factoryops.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The retry schedule and the Jakarta Mail properties of each TLS mode. */
class MailSettingsTest {

    @Test
    void backoffDoublesUpToTheCap() {
        assertEquals(Duration.ofSeconds(30), MailSettings.backoff(1, 30, 3600));
        assertEquals(Duration.ofSeconds(60), MailSettings.backoff(2, 30, 3600));
        assertEquals(Duration.ofSeconds(1920), MailSettings.backoff(7, 30, 3600));
        assertEquals(Duration.ofSeconds(3600), MailSettings.backoff(8, 30, 3600));
        assertEquals(Duration.ofSeconds(3600), MailSettings.backoff(1000, 30, 3600), "no overflow");
    }

    @Test
    void tlsModes() {
        Properties none = MailSettings.properties(MailSettings.Tls.NONE, "mail.local", 25, false);
        assertEquals("smtp", none.getProperty("mail.transport.protocol"));
        assertEquals("mail.local", none.getProperty("mail.smtp.host"));
        assertEquals("false", none.getProperty("mail.smtp.auth"));
        assertFalse(none.containsKey("mail.smtp.starttls.enable"));
        assertEquals("20000", none.getProperty("mail.smtp.timeout"));

        Properties starttls = MailSettings.properties(MailSettings.Tls.STARTTLS, "mail.local", 587, true);
        assertEquals("true", starttls.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", starttls.getProperty("mail.smtp.auth"));
        assertEquals("true", starttls.getProperty("mail.smtp.ssl.checkserveridentity"));

        Properties ssl = MailSettings.properties(MailSettings.Tls.SSL, "mail.local", 465, true);
        assertEquals("smtps", ssl.getProperty("mail.transport.protocol"));
        assertEquals("465", ssl.getProperty("mail.smtps.port"));
        assertEquals("20000", ssl.getProperty("mail.smtps.connectiontimeout"));
    }

    @Test
    void tlsIsOneOfThree() {
        assertEquals(MailSettings.Tls.STARTTLS, MailSettings.Tls.parse(" StartTLS "));
        assertEquals(587, MailSettings.Tls.STARTTLS.defaultPort());
        assertThrows(IllegalStateException.class, () -> MailSettings.Tls.parse("tls"));
    }
}
