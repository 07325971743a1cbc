package io.factoryops.platform.db;

import java.sql.SQLException;
import java.util.Locale;

/** Recognises database constraint violations in a persistence exception chain. */
public final class Constraints {

    private Constraints() {
    }

    /** The violated constraint's name (lower case) when the failure is a constraint violation, else null. */
    public static String violated(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
