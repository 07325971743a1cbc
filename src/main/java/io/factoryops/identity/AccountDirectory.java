package io.factoryops.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells other features who the active accounts are (the recipients of notifications) and how two accounts are
 * tied (four eyes), without handing out the entity: id, username and email only. Joins the caller's transaction.
 */
@ApplicationScoped
public class AccountDirectory {

    /** An active account as other features see it. */
    public record Account(long id, String username, String email) {}

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    /** The active account with this username, if any. */
    @Transactional
    public Optional<Account> active(String username) {
        return em
                .createQuery(
                        "SELECT u FROM UserAccount u WHERE u.username = :username AND u.active = TRUE",
                        UserAccount.class)
                .setParameter("username", username)
                .getResultList()
                .stream()
                .findFirst()
                .map(AccountDirectory::of);
    }

    /** Whether any account, active or deactivated, has this email (compared as stored: trimmed, lower case). */
    @Transactional
    public boolean emailInUse(String email) {
        return !em.createQuery("SELECT u.id FROM UserAccount u WHERE u.email = :email", Long.class)
                .setParameter("email", email)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The customer record an account is linked to (a customer's token names its account), if any. */
    @Transactional
    public Optional<Long> customerOf(long accountId) {
        UserAccount account = em.find(UserAccount.class, accountId);
        return account == null ? Optional.empty() : Optional.ofNullable(account.getCustomerId());
    }

    /** The active accounts linked to a customer record (a customer's own sign-ins), in id order. */
    @Transactional
    public List<Account> activeOfCustomer(long customerId) {
        return em
                .createQuery(
                        "SELECT u FROM UserAccount u WHERE u.customerId = :customer AND u.active = TRUE "
                                + "ORDER BY u.id",
                        UserAccount.class)
                .setParameter("customer", customerId)
                .getResultList()
                .stream()
                .map(AccountDirectory::of)
                .toList();
    }

    /**
     * Every active account whose role includes {@code role} ({@link Role#includes()}: a super admin is an
     * admin, a manager and a user too), in id order.
     */
    @Transactional
    public List<Account> activeIncluding(Role role) {
        List<Role> roles = Arrays.stream(Role.values())
                .filter(r -> r.includes().contains(role))
                .toList();
        return em
                .createQuery(
                        "SELECT u FROM UserAccount u WHERE u.role IN :roles AND u.active = TRUE ORDER BY u.id",
                        UserAccount.class)
                .setParameter("roles", roles)
                .getResultList()
                .stream()
                .map(AccountDirectory::of)
                .toList();
    }

    /**
     * Why the accounts named {@code one} and {@code other} may be one person's hands, in either direction: one
     * holder created the other account or last set its password, or both link to the same employee. Empty when
     * they are independent (or are the same username, or one is unknown). Four eyes ask this before a second
     * account approves the first one's work.
     */
    @Transactional
    public Set<AccountTie> ties(String one, String other) {
        Set<AccountTie> ties = EnumSet.noneOf(AccountTie.class);
        if (one.equals(other)) {
            return ties;
        }
        List<UserAccount> accounts = em.createQuery(
                        "SELECT u FROM UserAccount u WHERE u.username IN :names", UserAccount.class)
                .setParameter("names", List.of(one, other))
                .getResultList();
        if (accounts.size() != 2) {
            return ties;
        }
        UserAccount a = accounts.get(0);
        UserAccount b = accounts.get(1);
        if (a.getUsername().equals(b.getCreatedBy()) || b.getUsername().equals(a.getCreatedBy())) {
            ties.add(AccountTie.CREATED_THE_ACCOUNT);
        }
        if (a.getUsername().equals(b.getPasswordSetBy()) || b.getUsername().equals(a.getPasswordSetBy())) {
            ties.add(AccountTie.SET_THE_PASSWORD);
        }
        if (a.getEmployeeId() != null && a.getEmployeeId().equals(b.getEmployeeId())) {
            ties.add(AccountTie.SAME_EMPLOYEE);
        }
        return ties;
    }

    private static Account of(UserAccount u) {
        return new Account(u.getId(), u.getUsername(), u.getEmail());
    }
}
