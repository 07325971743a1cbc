package io.factoryops.events;

import io.factoryops.identity.Caller;
import io.factoryops.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The event feed: numbered events ({@link EventSequencer}) after a cursor, in order, of the types the caller may
 * read (an event is read with the permission that reads its resource, {@link EventType#readPermission}). The
 * cursor is opaque (base64url of the last {@code seq_no}); it grants nothing, the caller's permissions apply to
 * every page. Keyset on the unique {@code seq_no}: every page costs one index range.
 */
@ApplicationScoped
public class EventFeedService {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;
    private static final String PREFIX = "e1:";

    @PersistenceContext(unitName = "factory")
    EntityManager em;

    /**
     * @param types the type names asked for (empty: every type the caller may read)
     */
    @Transactional
    public EventBatch page(Caller caller, String after, Collection<String> types, int limit) {
        long from = after == null || after.isBlank() ? 0 : decode(after);
        Set<String> readable = readableTypes(caller);
        Set<String> asked = new LinkedHashSet<>();
        for (String type : types) {
            if (EventType.named(type).isEmpty()) {
                throw ApiException.invalidParameter(
                        "type", "unknown event type '" + type + "'; one of " + String.join(", ", EventType.NAMES));
            }
            asked.add(type);
        }
        if (!asked.isEmpty()) {
            readable.retainAll(asked);
        }
        if (readable.isEmpty()) {
            return new EventBatch(List.of(), encode(from), false);
        }
        List<StoredEvent> rows = em.createQuery(
                        "SELECT e FROM StoredEvent e WHERE e.seqNo > :after AND e.type IN :types ORDER BY e.seqNo",
                        StoredEvent.class)
                .setParameter("after", from)
                .setParameter("types", readable)
                .setMaxResults(limit + 1)
                .getResultList();
        List<StoredEvent> visible = new ArrayList<>();
        for (StoredEvent e : rows.subList(0, Math.min(limit, rows.size()))) {
            // stock.low of a product and of a part share a name: the source tells which permission reads it
            if (EventType.of(e.getType(), e.getSource())
                    .filter(t -> caller.has(t.readPermission()))
                    .isPresent()) {
                visible.add(e);
            }
        }
        long last = rows.isEmpty()
                ? from
                : rows.get(Math.min(limit, rows.size()) - 1).getSeqNo();
        return new EventBatch(visible.stream().map(CloudEvent::of).toList(), encode(last), rows.size() > limit);
    }

    /** The names of the types whose resource the caller reads (a name is in when one of its sources is). */
    static Set<String> readableTypes(Caller caller) {
        Set<String> names = new LinkedHashSet<>();
        for (EventType t : EventType.values()) {
            if (caller.has(t.readPermission())) {
                names.add(t.value());
            }
        }
        return names;
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    static long decode(String cursor) {
        try {
            if (cursor.length() > 64) {
                throw new IllegalArgumentException();
            }
            String text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII);
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            long seq = Long.parseLong(text.substring(PREFIX.length()));
            if (seq < 0) {
                throw new IllegalArgumentException();
            }
            return seq;
        } catch (RuntimeException e) {
            throw ApiException.invalidParameter(
                    "after", "is not a cursor of the event feed; use next_cursor of the previous page as it is");
        }
    }
}
