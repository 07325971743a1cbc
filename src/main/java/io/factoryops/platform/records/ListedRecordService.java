package io.factoryops.platform.records;

import io.factoryops.platform.db.VersionedEntity;
import io.factoryops.platform.paging.JpaPaging;
import io.factoryops.platform.paging.Page;
import io.factoryops.platform.paging.PageRequest;
import io.factoryops.platform.paging.Rows;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.function.Function;

/**
 * Records with a list and its export, both from one WHERE: the service turns the list's filters into
 * predicates once ({@link #where}), the page and the export read the same rows in the same sort.
 *
 * @param <E> the entity
 * @param <R> the record as the API shows it
 * @param <F> the filters of the list besides {@code q} ({@code Void} for a list that has none)
 */
public abstract class ListedRecordService<E extends VersionedEntity, R, F> extends RecordService<E, R> {

    private final Class<E> type;
    private final Map<String, String> sortAttributes;
    private final String[] fetch;

    /**
     * @param sortAttributes the list's sort fields and the attributes they sort by
     * @param fetch          single-valued associations read with each record (its response reads them)
     */
    protected ListedRecordService(
            Class<E> type,
            String kind,
            Function<E, R> response,
            UniqueKey key,
            String stillReferenced,
            Map<String, String> sortAttributes,
            String... fetch) {
        super(type, kind, response, key, stillReferenced);
        this.type = type;
        this.sortAttributes = sortAttributes;
        this.fetch = fetch;
    }

    /** The WHERE of the list and of its export: the one place that turns the filters into predicates. */
    protected abstract JpaPaging.Filter<E> where(PageRequest page, F filter);

    @Transactional
    public Page<R> list(PageRequest page, F filter) {
        return JpaPaging.find(em, type, page, sortAttributes, where(page, filter), fetch)
                .map(this::response);
    }

    /**
     * The export of the list: every row its filters select, in its sort, streamed from the database when
     * the caller runs {@link Rows#forEach} in a transaction. Bad filters fail here, before anything is sent.
     */
    @Transactional
    public Rows<R> export(PageRequest page, F filter) {
        return JpaPaging.rows(
                em, type, page, sortAttributes, where(page, filter), JpaPaging.perRow(this::response), fetch);
    }
}
