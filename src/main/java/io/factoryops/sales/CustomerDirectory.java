package io.factoryops.sales;

import io.factoryops.platform.RecordDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Tells other features whether a customer exists (an account linked to a customer). */
@ApplicationScoped
public class CustomerDirectory implements RecordDirectory {

    @Inject
    CustomerService customers;

    @Override
    public String kind() {
        return "customer";
    }

    @Override
    public boolean exists(long id) {
        return customers.exists(id);
    }
}
