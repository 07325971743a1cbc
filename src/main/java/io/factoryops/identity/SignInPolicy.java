package io.factoryops.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** How staff sign in: one row. Password sign-in for the roles single sign-on gives may be turned off. */
@Entity
@Table(name = "sign_in_policy")
public class SignInPolicy {

    static final int THE_ROW = 1;

    @Id
    private Integer id;

    @Column(name = "staff_password_sign_in", nullable = false)
    private boolean staffPasswordSignIn;

    @Version
    private long version;

    protected SignInPolicy() {}

    boolean staffPasswordSignIn() {
        return staffPasswordSignIn;
    }

    void staffPasswordSignIn(boolean allowed) {
        this.staffPasswordSignIn = allowed;
    }

    long version() {
        return version;
    }

    /**
     * Whether an account of this role may sign in with its password under this policy. The roles single sign-on
     * never gives keep their passwords: the super admin (the break-glass account when the provider is down),
     * mechanics and customers.
     */
    boolean allowsPassword(Role role) {
        return staffPasswordSignIn || !SsoRoles.GIVEN.contains(role);
    }
}
