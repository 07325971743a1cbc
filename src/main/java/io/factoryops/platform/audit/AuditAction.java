package io.factoryops.platform.audit;

/**
 * What an audit log row says was done: the closed set of actions the log records, stored and served by
 * name ({@code "CREATE"}, {@code "APPROVE_REFUSED"}).
 */
public enum AuditAction {
    // any record
    CREATE,
    UPDATE,
    DELETE,
    DEACTIVATE,
    // stock of a product or part
    ADJUST_STOCK,
    ADD_STOCK,
    REMOVE_STOCK,
    REPLACE_BOM,
    // accounts and sessions
    BOOTSTRAP_SUPER_ADMIN,
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    CHANGE_PASSWORD,
    ROTATE_SECRET,
    UPDATE_PROFILE,
    UPDATE_PROFILE_REFUSED,
    REGISTRATION_REFUSED,
    // orders and purchase orders
    SUBMIT,
    APPROVE,
    APPROVE_REFUSED,
    REJECT,
    REJECT_REFUSED,
    RECEIVE,
    DELIVER,
    SHIP,
    START,
    COMPLETE,
    CANCEL,
    // service tickets
    TAKE,
    EDIT_MECHANICS,
    RECORD_LABOUR,
    FIT_PART,
    RETURN_PART,
    // exports
    EXPORT,
    // webhooks
    REDELIVER;

    /** The action that records a refused attempt at this one. */
    public AuditAction refused() {
        return switch (this) {
            case APPROVE -> APPROVE_REFUSED;
            case REJECT -> REJECT_REFUSED;
            case UPDATE_PROFILE -> UPDATE_PROFILE_REFUSED;
            default -> throw new IllegalArgumentException(name() + " has no refused form");
        };
    }
}
