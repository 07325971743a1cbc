package io.factoryops.workforce;

import io.factoryops.platform.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A person employed at the plant. */
@Entity
@Table(name = "employees")
public class Employee extends VersionedEntity {

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(length = 100)
    private String position;

    @Column(length = 100)
    private String department;

    @Column(name = "hire_date")
    private LocalDate hireDate;

    @Column(nullable = false)
    private boolean active;

    /** A new employee, to be described ({@link #describe}) before it is persisted. */
    protected Employee() {}

    /** Replaces every descriptive field at once (create and PUT). */
    public final void describe(
            String name, String email, String position, String department, LocalDate hireDate, boolean active) {
        this.name = name;
        this.email = email;
        this.position = position;
        this.department = department;
        this.hireDate = hireDate;
        this.active = active;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPosition() {
        return position;
    }

    public String getDepartment() {
        return department;
    }

    public LocalDate getHireDate() {
        return hireDate;
    }

    public boolean isActive() {
        return active;
    }
}
