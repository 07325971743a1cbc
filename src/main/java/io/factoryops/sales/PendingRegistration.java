package io.factoryops.sales;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A customer registration waiting for the confirmation mailed to its address: nothing exists yet (no customer,
 * no account, the address is not taken) and no password, which whoever confirms chooses then. Its token is stored
 * as a SHA-256 hash; confirming deletes the row and creates the customer and its account; an expired row is only
 * purged.
 */
@Entity
@Table(name = "customer_registrations")
public class PendingRegistration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 50)
    private String phone;

    @Column(length = 500)
    private String address;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PendingRegistration() {}

    PendingRegistration(
            String email, String name, String phone, String address, String tokenHash, Instant now, Instant expiresAt) {
        this.email = email;
        this.name = name;
        this.phone = phone;
        this.address = address;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    Long getId() {
        return id;
    }

    String getEmail() {
        return email;
    }

    String getName() {
        return name;
    }

    String getPhone() {
        return phone;
    }

    String getAddress() {
        return address;
    }
}
