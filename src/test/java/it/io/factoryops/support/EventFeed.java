package it.io.factoryops.support;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A reader of the event feed ({@code GET /api/events}) as one caller, from a cursor on. */
public final class EventFeed {

    private final String token;
    private String cursor;
    private final List<JsonObject> read = new ArrayList<>();

    private EventFeed(String token, String cursor) {
        this.token = token;
        this.cursor = cursor;
    }

    /** A reader that starts after every event the feed holds now. */
    public static EventFeed fromNow(String token) {
        EventFeed feed = new EventFeed(token, null);
        while (feed.page(100, null)) {
            // to the end
        }
        feed.read.clear();
        return feed;
    }

    public String cursor() {
        return cursor;
    }

    /** Reads one page (limit events, of these types or all); returns whether more are waiting. */
    public boolean page(int limit, String types) {
        Object[] query =
                cursor == null ? new Object[] {"limit", limit} : new Object[] {"limit", limit, "after", cursor};
        if (types != null) {
            Object[] more = java.util.Arrays.copyOf(query, query.length + 2);
            more[query.length] = "type";
            more[query.length + 1] = types;
            query = more;
        }
        try (Response r = as(token, "api/events", query).get()) {
            assertEquals(200, r.getStatus());
            JsonObject page = body(r);
            read.addAll(page.getJsonArray("data").getValuesAs(JsonObject.class));
            cursor = page.getString("next_cursor");
            return page.getBoolean("has_more");
        }
    }

    /** Every event read so far, in feed order. */
    public List<JsonObject> events() {
        return read;
    }

    /** Reads on until {@code done} holds for what was read, or fails after {@code timeout}. */
    public List<JsonObject> until(Predicate<List<JsonObject>> done, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean more = page(100, null);
            if (done.test(read)) {
                return read;
            }
            if (System.nanoTime() > end) {
                fail("The feed did not deliver in " + timeout + "; read: " + read.size() + " events");
            }
            if (!more) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail(e);
                }
            }
        }
    }

    /** Whether these events hold one of this type about this subject. */
    public static boolean has(List<JsonObject> events, String type, long subject) {
        return events.stream()
                .anyMatch(e -> e.getString("type").equals(type)
                        && e.getString("subject").equals(Long.toString(subject)));
    }

    /** The event of this type about this subject (the first), or a failure. */
    public static JsonObject of(List<JsonObject> events, String type, long subject) {
        return events.stream()
                .filter(e -> e.getString("type").equals(type)
                        && e.getString("subject").equals(Long.toString(subject)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " of " + subject));
    }
}
