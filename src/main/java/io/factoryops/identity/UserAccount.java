package io.factoryops.identity;

import io.factoryops.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A login: credentials, role, and whether it may still sign in. Deleting deactivates. */
@Entity
@Table(name = "users")
@NamedQuery(
        name = "UserAccount.findByLogin",
        query = "SELECT u FROM UserAccount u WHERE u.username = :login OR u.email = :login")
@NamedQuery(
        name = "UserAccount.activeWithRole",
        query = "SELECT u FROM UserAccount u WHERE u.role = :role AND u.active = TRUE")
@NamedQuery(
        name = "UserAccount.bySubject",
        query = "SELECT u FROM UserAccount u WHERE u.externalIssuer = :issuer AND u.externalSubject = :subject")
public class UserAccount extends VersionedEntity {

    @Column(nullable = false, unique = true, length = 50)
    private String username;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "full_name", length = 100)
    private String fullName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "employee_id")
    private Long employeeId;

    @Column(name = "customer_id")
    private Long customerId;

    /**
     * Carried by every access token as the {@code gen} claim; raising it (password, role change,
     * deactivation) makes every token issued before unusable.
     */
    @Column(name = "token_generation", nullable = false)
    private int tokenGeneration;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** The password was not chosen by a person (generated at the first start): its holder should choose one. */
    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    /** The username of whoever created the account; null when nobody signed in did (first start, self-registration). */
    @Column(name = "created_by", updatable = false, length = 50)
    private String createdBy;

    /** The username of whoever last set the password (who therefore knew it); null at the first start. */
    @Column(name = "password_set_by", length = 50)
    private String passwordSetBy;

    /** Roles that admins defined, whose permissions this account holds beside its built-in role's. */
    /** The OpenID Connect provider's issuer and subject of an account made by single sign-on; null for local ones. */
    @Column(name = "external_issuer", updatable = false)
    private String externalIssuer;

    @Column(name = "external_subject", updatable = false)
    private String externalSubject;

    @ManyToMany
    @JoinTable(
            name = "user_custom_roles",
            joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "role_id"))
    private Set<CustomRole> customRoles = new HashSet<>();

    protected UserAccount() {}

    /** A new account; {@code createdBy} (null: nobody signed in) chose its first password. */
    public UserAccount(
            String username, String email, String fullName, String passwordHash, Role role, String createdBy) {
        this.username = username;
        this.email = email;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.active = true;
        this.createdBy = createdBy;
        this.passwordSetBy = createdBy;
    }

    public void linkTo(Long employeeId, Long customerId) {
        this.employeeId = employeeId;
        this.customerId = customerId;
    }

    /** Ties a new account to the provider's subject that signed in: it signs in through the provider from now on. */
    void tieTo(String issuer, String subject) {
        this.externalIssuer = issuer;
        this.externalSubject = subject;
    }

    public void changeEmail(String email) {
        this.email = email;
    }

    public void changeFullName(String fullName) {
        this.fullName = fullName;
    }

    public void changeRole(Role role) {
        if (this.role != role) {
            this.role = role;
            revokeTokens();
        }
    }

    /**
     * A password a person chose ({@code setBy}: the holder, or the administrator who reset it; null from
     * configuration): every token issued before stops working.
     */
    public void changePassword(String passwordHash, String setBy) {
        this.passwordHash = passwordHash;
        this.passwordChangeRequired = false;
        this.passwordSetBy = setBy;
        revokeTokens();
    }

    /** The password was generated (nobody chose it, the log has shown it): its holder is to change it. */
    public void requirePasswordChange() {
        this.passwordChangeRequired = true;
    }

    public void activate() {
        this.active = true;
    }

    public void deactivate() {
        this.active = false;
        revokeTokens();
    }

    /** Holds these custom roles from now on: every token issued before stops working when they differ. */
    public void changeCustomRoles(Set<CustomRole> roles) {
        if (!customRoles.equals(roles)) {
            customRoles.clear();
            customRoles.addAll(roles);
            revokeTokens();
        }
    }

    /** A custom role it holds changed its permissions: every token issued before stops working. */
    void permissionsChanged() {
        revokeTokens();
    }

    /** The names of its custom roles, sorted. */
    public List<String> customRoleNames() {
        return customRoles.stream().map(CustomRole::getName).sorted().toList();
    }

    public Set<CustomRole> getCustomRoles() {
        return Set.copyOf(customRoles);
    }

    /** What it may do: its built-in role's permissions and those of its custom roles. */
    public Set<Permission> permissions() {
        Set<Permission> held = EnumSet.copyOf(role.permissions());
        customRoles.forEach(r -> held.addAll(r.permissions()));
        return held;
    }

    public void recordLogin() {
        this.lastLoginAt = Instant.now();
    }

    /** Every access token issued up to now stops working. */
    private void revokeTokens() {
        this.tokenGeneration++;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getFullName() {
        return fullName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getPasswordSetBy() {
        return passwordSetBy;
    }

    public Role getRole() {
        return role;
    }

    public boolean isActive() {
        return active;
    }

    public Long getEmployeeId() {
        return employeeId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public int getTokenGeneration() {
        return tokenGeneration;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }
}
