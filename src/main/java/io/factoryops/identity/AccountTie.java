package io.factoryops.identity;

/**
 * Why two accounts may be one person's hands (see {@link AccountDirectory#ties}): one account was created by
 * the other's holder, or its password was last set by the other's holder (who then knows it), or both link to
 * the same employee.
 */
public enum AccountTie {
    CREATED_THE_ACCOUNT("one account was created by the other"),
    SET_THE_PASSWORD("one account's password was last set by the other"),
    SAME_EMPLOYEE("both accounts link to the same employee");

    private final String description;

    AccountTie(String description) {
        this.description = description;
    }

    public String describe() {
        return description;
    }
}
