package io.factoryops.platform.db;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;

/**
 * The query timeout of work that is long by design (the analytics rebuild): every statement made on the
 * returned connection gets {@code seconds} instead of the data source's {@code queryTimeout}
 * (FACTORY_DB_QUERY_TIMEOUT, meant for requests), which Liberty sets when the statement is created.
 */
public final class LongStatements {

    private LongStatements() {}

    /** {@code connection}, whose statements time out after {@code seconds} (0: never). */
    public static Connection withQueryTimeout(Connection connection, int seconds) {
        return (Connection) Proxy.newProxyInstance(
                LongStatements.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Statement statement) {
                        statement.setQueryTimeout(seconds);
                    }
                    return result;
                });
    }
}
