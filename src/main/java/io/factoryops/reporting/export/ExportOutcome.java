package io.factoryops.reporting.export;

/** How an export ended, as its audit row says. */
public enum ExportOutcome {
    /** Every row written. */
    COMPLETE,
    /** Cut after {@code factory.export.max-seconds}: the client has a truncated body. */
    CUT_TIME_LIMIT,
    /** Cut because the token expired, was logged out, or its account was deactivated or changed. */
    CUT_TOKEN_REJECTED,
    /** The client went away (the write to its socket failed). */
    CLIENT_GONE,
    /** An error on the server's side (a query that failed or timed out). */
    FAILED;

    /** As the audit row writes it. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
