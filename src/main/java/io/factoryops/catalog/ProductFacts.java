package io.factoryops.catalog;

import io.factoryops.platform.db.SqlReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Map;

/** What catalog tells the read models about its products in bulk: the names of the rows they ranked. */
@ApplicationScoped
public class ProductFacts {

    @Inject
    SqlReads sql;

    /** The names of these products, by id (unknown ids left out). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, String> names(Collection<Long> ids) {
        return sql.names("products", ids);
    }
}
