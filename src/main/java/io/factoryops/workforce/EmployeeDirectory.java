package io.factoryops.workforce;

import io.factoryops.platform.RecordDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Tells other features whether an employee exists (an account linked to an employee). */
@ApplicationScoped
public class EmployeeDirectory implements RecordDirectory {

    @Inject
    EmployeeService employees;

    @Override
    public String kind() {
        return "employee";
    }

    @Override
    public boolean exists(long id) {
        return employees.exists(id);
    }
}
