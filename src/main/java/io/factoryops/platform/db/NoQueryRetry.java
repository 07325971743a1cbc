package io.factoryops.platform.db;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * Turns off EclipseLink's retry of a read outside a transaction after a communication failure (by default 3
 * more attempts, 5 s apart): during a database outage it made such a read answer after 10 s on a refused
 * connection and after 3 × (socket timeout + 5 s) on a silent one, instead of failing at once with 503
 * (DatabaseUnavailable). Liberty's pool already replaces broken connections; the client retries
 * after Retry-After. Named by persistence.xml ({@code eclipselink.session.customizer}).
 */
public class NoQueryRetry implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
        }
    }
}
