package io.factoryops.sales;

import io.factoryops.identity.AccountDirectory;
import io.factoryops.identity.PasswordService;
import io.factoryops.identity.Role;
import io.factoryops.identity.TokenService;
import io.factoryops.identity.UserService;
import io.factoryops.notification.MailOutbox;
import io.factoryops.notification.MailSettings;
import io.factoryops.platform.Text;
import io.factoryops.platform.audit.AuditAction;
import io.factoryops.platform.audit.AuditService;
import io.factoryops.platform.db.Constraints;
import io.factoryops.platform.error.ApiException;
import io.factoryops.platform.error.ErrorCode;
import io.factoryops.platform.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Customer self-service registration, confirmed by mail, so that the form tells nobody which addresses have an
 * account and nobody takes an address they cannot read.
 *
 * <p>{@link #register}: the same outcome for every well-formed request. It takes no password (nothing is
 * hashed, on any path, so there is no hash whose absence the time could tell): the password is chosen at the
 * confirmation by whoever reads the address's mail, so that someone who registers another person's address
 * cannot choose the password of the account that person's click creates. A free address gets a pending
 * registration ({@link PendingRegistration}, replacing an earlier pending one of the same address) and a mail
 * with a single-use token valid {@code factory.registration.token-hours}; an address already used by an
 * account (staff or customer) or a customer record gets a mail telling its owner that someone tried, and the
 * refusal is counted (audit row {@code REGISTRATION_REFUSED}, metric {@code registration_attempts_total}). At
 * most {@code factory.registration.mails-per-address-per-hour} registrations naming one address are acted
 * on per hour ({@link RateLimiter#tryRegistrationMail}); the rest change nothing and mail nothing.
 *
 * <p>{@link #confirm}: the token's registration becomes the customer record and its {@code customer} account,
 * with the password sent along with the token, in one transaction; a password that breaks the policy is 400
 * {@code WEAK_PASSWORD} before the token is looked at (it stays usable), a used or unknown token is 400
 * {@code INVALID_CONFIRMATION_TOKEN}, an expired one 410 {@code CONFIRMATION_TOKEN_EXPIRED}.
 *
 * <p>Without mail ({@code FACTORY_MAIL_HOST} unset) nothing can be confirmed by mail: the token of a free
 * address is written to the server log only when {@code factory.registration.log-tokens} is true (for
 * development; never in production, where the log is read by others than the address's owner).
 */
@ApplicationScoped
public class CustomerRegistrationService {

    private static final Logger LOG = Logger.getLogger(CustomerRegistrationService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    @Inject
    CustomerService customers;

    @Inject
    UserService users;

    @Inject
    AccountDirectory accounts;

    @Inject
    PasswordService passwords;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    MailSettings mail;

    @Inject
    MailOutbox outbox;

    @Inject
    AuditService audit;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "factory.registration.token-hours", defaultValue = "24")
    long tokenHours;

    @Inject
    @ConfigProperty(name = "factory.registration.log-tokens", defaultValue = "false")
    boolean logTokens;

    /** What happened to a registration; for the metric and the log only, never for the answer. */
    enum Outcome {
        PENDING,
        TAKEN,
        CAPPED
    }

    /**
     * A registration: see the class comment. 400 (validation) tells only about the request itself; otherwise
     * nothing is thrown that depends on the address.
     */
    @Transactional
    public void register(CustomerRegistration request) {
        String email = Text.normalizeKey(request.email());
        Outcome outcome;
        if (!rateLimiter.tryRegistrationMail(email)) {
            outcome = Outcome.CAPPED;
        } else if (accounts.emailInUse(email) || customers.emailInUse(email)) {
            outcome = Outcome.TAKEN;
            audit.record(
                    AuditAction.REGISTRATION_REFUSED, "registration", email, null, Map.of("reason", "email in use"));
            mail(
                    email,
                    "Someone tried to register with your address",
                    "Hello,\n\nsomeone tried to register a customer account at Factory Ops with this address, which "
                            + "is already in use here. Nothing was changed.\n\nIf it was you: sign in with your password, "
                            + "or ask us to reset it. If it was not you, you need not do anything.\n\n-- \nFactory Ops\n");
        } else {
            outcome = Outcome.PENDING;
            String token = newToken();
            Instant now = Instant.now();
            em.createQuery("DELETE FROM PendingRegistration r WHERE r.email = :email")
                    .setParameter("email", email)
                    .executeUpdate();
            em.persist(new PendingRegistration(
                    email,
                    request.name().trim(),
                    Text.trimToNull(request.phone()),
                    Text.trimToNull(request.address()),
                    TokenService.sha256(token),
                    now,
                    now.plus(Duration.ofHours(tokenHours))));
            Constraints.flush(
                    em,
                    () -> new ApiException(
                            ErrorCode.CONFLICT,
                            "Another registration of this address is being processed; retry in a moment"));
            mail(
                    email,
                    "Confirm your Factory Ops registration",
                    "Hello " + request.name().trim() + ",\n\nto finish your registration as a customer of Factory Ops, "
                            + "confirm it within " + tokenHours
                            + " hours with this token, choosing your password as you "
                            + "do:\n\n    " + token
                            + "\n\nIn the customer portal, open \"Confirm my registration\" (/portal/confirm "
                            + "on this service) and enter it there; or call the API (POST /api/customers/confirm with "
                            + "{\"token\": \"" + token
                            + "\", \"password\": \"...\"}). Until then there is no account. If you did not register, "
                            + "ignore this mail: nothing will be created.\n\n-- \nFactory Ops\n");
            if (!mail.enabled()) {
                if (logTokens) {
                    LOG.warning(() -> "Mail is not configured: confirm the registration of " + email
                            + " with the token " + token + " (factory.registration.log-tokens=true; development only)");
                } else {
                    LOG.warning("Mail is not configured (FACTORY_MAIL_HOST): a customer registration waits for a "
                            + "confirmation that cannot be mailed");
                }
            }
        }
        metrics.counter(
                        "registration.attempts",
                        new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT)))
                .inc();
    }

    /**
     * Confirms a registration: the customer and its account, whose password is this one (chosen now, by whoever
     * holds the token, that is reads the address's mail). See the class comment for the problems.
     */
    @Transactional
    public CustomerResponse confirm(String token, String password) {
        // first, so that a weak password changes nothing and tells nothing about the token
        passwords.checkPolicy(password, null, "password");
        PendingRegistration pending = em.createQuery(
                        "SELECT r FROM PendingRegistration r WHERE r.tokenHash = :hash", PendingRegistration.class)
                .setParameter("hash", TokenService.sha256(token.trim()))
                .getResultStream()
                .findFirst()
                .orElseThrow(CustomerRegistrationService::invalidToken);
        if (pending.expired(Instant.now())) {
            throw new ApiException(
                    ErrorCode.CONFIRMATION_TOKEN_EXPIRED, "This confirmation has expired; register again");
        }
        // single use, also under concurrency: of two confirmations, the second finds nothing left to delete
        int deleted = em.createQuery("DELETE FROM PendingRegistration r WHERE r.id = :id")
                .setParameter("id", pending.getId())
                .executeUpdate();
        if (deleted != 1) {
            throw invalidToken();
        }
        if (accounts.emailInUse(pending.getEmail()) || customers.emailInUse(pending.getEmail())) {
            // the address was taken since (staff gave it to someone): whoever holds the token reads its mail
            throw new ApiException(ErrorCode.CONFLICT, "This address is in use by now; sign in instead");
        }
        CustomerResponse customer = customers.create(
                new CustomerRequest(pending.getName(), pending.getEmail(), pending.getPhone(), pending.getAddress()));
        users.createLinked(
                Role.CUSTOMER,
                "customer-" + customer.id(),
                pending.getEmail(),
                pending.getName(),
                password,
                null,
                customer.id());
        return customer;
    }

    private void mail(String to, String subject, String body) {
        if (mail.enabled()) {
            outbox.enqueue(null, to, subject, body, List.of());
        }
    }

    private static ApiException invalidToken() {
        return new ApiException(
                ErrorCode.INVALID_CONFIRMATION_TOKEN, "This confirmation token is unknown or was used already");
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
