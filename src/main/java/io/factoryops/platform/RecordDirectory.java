package io.factoryops.platform;

/**
 * Answers whether a record of one kind exists, for a feature that refers to another feature's
 * records by id without depending on it (identity links an account to an employee or a customer;
 * workforce and sales depend on identity, not the other way round; a part names its preferred supplier,
 * and procurement depends on inventory). The owning feature's service implements it, one per kind;
 * {@link RecordDirectories} asks them by kind.
 */
public interface RecordDirectory {

    /** The kind this directory answers for: {@code employee}, {@code customer}, {@code supplier}. */
    String kind();

    boolean exists(long id);
}
