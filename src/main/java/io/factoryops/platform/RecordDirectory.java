package io.factoryops.platform;

/**
 * Answers whether a record of one kind exists, for a feature that refers to another feature's
 * records by id without depending on it (identity links an account to an employee or a customer;
 * workforce and sales depend on identity, not the other way round). The owning feature provides one
 * bean per kind.
 */
public interface RecordDirectory {

    /** The kind this directory answers for: {@code employee}, {@code customer}. */
    String kind();

    boolean exists(long id);
}
