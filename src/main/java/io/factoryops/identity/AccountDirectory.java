package io.factoryops.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Tells other features who the active accounts are (the recipients of notifications), without handing out
 * the entity: id, username and email only. Joins the caller's transaction.
 */
@ApplicationScoped
public class AccountDirectory {

    /** An active account as other features see it. */
    public record Account(long id, String username, String email) {
    }

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    /** The active account with this username, if any. */
    @Transactional
    public Optional<Account> active(String username) {
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.username = :username AND u.active = TRUE",
                        UserAccount.class)
                .setParameter("username", username).getResultList().stream().findFirst().map(AccountDirectory::of);
    }

    /** Whether any account, active or deactivated, has this email (compared as stored: trimmed, lower case). */
    @Transactional
    public boolean emailInUse(String email) {
        return !em.createQuery("SELECT u.id FROM UserAccount u WHERE u.email = :email", Long.class)
                .setParameter("email", email).setMaxResults(1).getResultList().isEmpty();
    }

    /** The customer record an account is linked to (a customer's token names its account), if any. */
    @Transactional
    public Optional<Long> customerOf(long accountId) {
        UserAccount account = em.find(UserAccount.class, accountId);
        return account == null ? Optional.empty() : Optional.ofNullable(account.getCustomerId());
    }

    /**
     * Every active account whose role includes {@code role} ({@link Role#includes()}: a super admin is an
     * admin, a manager and a user too), in id order.
     */
    @Transactional
    public List<Account> activeIncluding(Role role) {
        List<Role> roles = Arrays.stream(Role.values()).filter(r -> r.includes().contains(role)).toList();
        return em.createQuery("SELECT u FROM UserAccount u WHERE u.role IN :roles AND u.active = TRUE ORDER BY u.id",
                        UserAccount.class)
                .setParameter("roles", roles).getResultList().stream().map(AccountDirectory::of).toList();
    }

    private static Account of(UserAccount u) {
        return new Account(u.getId(), u.getUsername(), u.getEmail());
    }
}
