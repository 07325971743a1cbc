package io.factoryops.notification;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mail settings ({@code factory.mail.*}, from {@code FACTORY_MAIL_*}) and the Jakarta Mail session built
 * from them. Jakarta Mail itself is Liberty's ({@code mail-2.1} feature); the session is built here rather
 * than as a server.xml {@code mailSession}, so that one place decides whether mail is configured at all
 * (no {@code FACTORY_MAIL_HOST}: no outbox rows), validates the TLS mode, and sets the timeouts that keep a
 * hanging mail server from holding the sender. An invalid setting fails the start-up.
 */
@ApplicationScoped
public class MailSettings {

    /** How the connection to the mail server is protected. */
    public enum Tls {
        /** Plain SMTP (a relay on a trusted network). */
        NONE,
        /** SMTP, upgraded with STARTTLS, which the server must offer. */
        STARTTLS,
        /** SMTP over TLS from the first byte (SMTPS). */
        SSL;

        static Tls parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "factory.mail.tls (FACTORY_MAIL_TLS) must be none, starttls or ssl, not '" + value + "'");
            }
        }

        int defaultPort() {
            return switch (this) {
                case NONE -> 25;
                case STARTTLS -> 587;
                case SSL -> 465;
            };
        }
    }

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Inject
    @ConfigProperty(name = "factory.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "factory.mail.port")
    Optional<Integer> port;

    @Inject
    @ConfigProperty(name = "factory.mail.from", defaultValue = "factory-ops@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "factory.mail.tls", defaultValue = "starttls")
    String tlsText;

    @Inject
    @ConfigProperty(name = "factory.mail.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "factory.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "factory.mail.outbox-interval-seconds", defaultValue = "10")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "factory.mail.max-attempts", defaultValue = "10")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "factory.mail.retry-initial-seconds", defaultValue = "30")
    long retryInitialSeconds;

    @Inject
    @ConfigProperty(name = "factory.mail.retry-max-seconds", defaultValue = "3600")
    long retryMaxSeconds;

    @Inject
    @ConfigProperty(name = "factory.mail.retention-days", defaultValue = "7")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "factory.mail.min-interval-seconds", defaultValue = "3600")
    long minIntervalSeconds;

    private Tls tls;
    private volatile Session session;

    @PostConstruct
    void validate() {
        tls = Tls.parse(tlsText);
        require(intervalSeconds >= 1, "factory.mail.outbox-interval-seconds must be at least 1");
        require(maxAttempts >= 1, "factory.mail.max-attempts must be at least 1");
        require(
                retryInitialSeconds >= 1 && retryMaxSeconds >= retryInitialSeconds,
                "factory.mail.retry-initial-seconds must be at least 1 and at most factory.mail.retry-max-seconds");
        require(retentionDays >= 1, "factory.mail.retention-days must be at least 1");
        port.ifPresent(p -> require(p >= 1 && p <= 65535, "factory.mail.port must be a port number"));
        require(from.contains("@"), "factory.mail.from must be an email address");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** Whether mail is configured: a host is set. Without it notifications stay in the API only. */
    public boolean enabled() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    public String host() {
        return host.map(String::trim).orElse(null);
    }

    public int port() {
        return port.orElse(tls.defaultPort());
    }

    public Tls tls() {
        return tls;
    }

    public String from() {
        return from.trim();
    }

    /** The user to sign in to the mail server as, or null for no authentication. */
    public String user() {
        return user.filter(u -> !u.isBlank()).orElse(null);
    }

    String password() {
        return password.orElse("");
    }

    public Duration interval() {
        return Duration.ofSeconds(intervalSeconds);
    }

    /**
     * The least time between two mails to one recipient about the same thing (notification type and reference):
     * a notification within it stays in the API only ({@code factory.mail.min-interval-seconds}, 0: no limit).
     */
    public Duration minInterval() {
        return Duration.ofSeconds(Math.max(0, minIntervalSeconds));
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    /** How long to wait before the next try after {@code attempts} failed ones: doubling, capped. */
    public Duration backoff(int attempts) {
        return backoff(attempts, retryInitialSeconds, retryMaxSeconds);
    }

    static Duration backoff(int attempts, long initialSeconds, long maxSeconds) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        long seconds = initialSeconds << doublings;
        return Duration.ofSeconds(seconds <= 0 || seconds > maxSeconds ? maxSeconds : seconds);
    }

    /** The Jakarta Mail session (protocol, host, port, TLS, timeouts); authentication is given at connect. */
    public Session session() {
        Session s = session;
        if (s == null) {
            s = Session.getInstance(properties(tls, host(), port(), user() != null));
            session = s;
        }
        return s;
    }

    static Properties properties(Tls tls, String host, int port, boolean auth) {
        String protocol = tls == Tls.SSL ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", protocol);
        p.setProperty(prefix + "host", host);
        p.setProperty(prefix + "port", Integer.toString(port));
        p.setProperty(prefix + "auth", Boolean.toString(auth));
        String millis = Long.toString(TIMEOUT.toMillis());
        p.setProperty(prefix + "connectiontimeout", millis);
        p.setProperty(prefix + "timeout", millis);
        p.setProperty(prefix + "writetimeout", millis);
        if (tls == Tls.STARTTLS) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (tls != Tls.NONE) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return p;
    }
}
