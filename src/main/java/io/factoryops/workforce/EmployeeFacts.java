package io.factoryops.workforce;

import io.factoryops.platform.db.SqlReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Map;

/** What workforce tells the read models about its employees in bulk: the names of the rows they ranked. */
@ApplicationScoped
public class EmployeeFacts {

    @Inject
    SqlReads sql;

    /** The names of these employees, by id (unknown ids left out). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, String> names(Collection<Long> ids) {
        return sql.names("employees", ids);
    }
}
