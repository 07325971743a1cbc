package io.factoryops.platform.records;

import io.factoryops.platform.db.VersionedEntity;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A master record that POST and PUT take as one request, described by one binder ({@link #describe}) for
 * both: create describes a new record, replace the stored one (If-Match checked); each with its audit row.
 *
 * @param <E> the entity
 * @param <Q> the request that creates or replaces one
 * @param <R> the record as the API shows it
 * @param <F> the filters of the list besides {@code q} ({@code Void} for a list that has none)
 */
public abstract class MasterRecordService<E extends VersionedEntity, Q, R, F> extends ListedRecordService<E, R, F> {

    private final Supplier<E> blank;

    /**
     * @param blank          a new record, not yet described
     * @param sortAttributes the list's sort fields and the attributes they sort by
     */
    protected MasterRecordService(
            Class<E> type,
            String kind,
            Supplier<E> blank,
            Function<E, R> response,
            UniqueKey key,
            String stillReferenced,
            Map<String, String> sortAttributes) {
        super(type, kind, response, key, stillReferenced, sortAttributes);
        this.blank = blank;
    }

    /**
     * Describes the record as the request does (a new one has no id yet): the binder of create and PUT, with
     * their checks (409 when another record has its key: {@link #requireUnique}).
     */
    protected abstract void describe(E record, Q request);

    @Transactional
    public R create(Q request) {
        E record = blank.get();
        describe(record, request);
        return add(record);
    }

    @Transactional
    public R replace(long id, Long expectedVersion, Q request) {
        return update(id, expectedVersion, record -> describe(record, request));
    }
}
