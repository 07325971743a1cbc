package io.factoryops.maintenance;

import io.factoryops.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A mechanic: an employee with a {@code mechanic} account, created together. Keeps the name, email,
 * username and position it shows (and searches) as {@link MechanicService} wrote them to the employee
 * and the account, so that lists need no query into workforce or identity. Deactivated, never deleted.
 */
@Entity
@Table(name = "mechanics")
@NamedQuery(name = "Mechanic.byUser", query = "SELECT m FROM Mechanic m WHERE m.userId = :userId")
public class Mechanic extends VersionedEntity {

    @Column(name = "employee_id", nullable = false, updatable = false)
    private long employeeId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false, updatable = false, length = 50)
    private String username;

    @Column(length = 100)
    private String position;

    @Column(nullable = false)
    private boolean active;

    protected Mechanic() {}

    Mechanic(long employeeId, long userId, String name, String email, String username, String position) {
        this.employeeId = employeeId;
        this.userId = userId;
        this.username = username;
        describe(name, email, position, true);
    }

    final void describe(String name, String email, String position, boolean active) {
        this.name = name;
        this.email = email;
        this.position = position;
        this.active = active;
    }

    public long getEmployeeId() {
        return employeeId;
    }

    public long getUserId() {
        return userId;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getUsername() {
        return username;
    }

    public String getPosition() {
        return position;
    }

    public boolean isActive() {
        return active;
    }
}
