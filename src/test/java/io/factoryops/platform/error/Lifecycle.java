package io.factoryops.platform.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A document's life as a table (from status → verb → to status) checked against the document itself: from each
 * status, every verb either leads where the table says or is refused with 409 {@code INVALID_TRANSITION}, naming
 * the current status and the transitions it allows, and changing nothing.
 *
 * @param in         a fresh document in a status, reached through the transitions its life allows
 * @param statusOf   the document's status
 * @param value      a status as the API writes it
 * @param allowed    the transitions (API verbs) a status lists
 * @param verbs      each verb and what it does to a document
 * @param life       from → verb → to: every allowed transition; all others are refused
 */
public record Lifecycle<D, S extends Enum<S>>(
        Function<S, D> in,
        Function<D, S> statusOf,
        Function<S, String> value,
        Function<S, List<String>> allowed,
        Map<String, Consumer<D>> verbs,
        Map<S, Map<String, S>> life) {

    /** Every verb from a document in {@code from}: allowed where the life says, refused elsewhere. */
    public void assertFrom(S from) {
        verbs.forEach((verb, transition) -> {
            D document = in.apply(from);
            assertEquals(from, statusOf.apply(document), "the document starts in " + from);
            S to = life.get(from).get(verb);
            if (to != null) {
                transition.accept(document);
                assertEquals(to, statusOf.apply(document), from + " " + verb);
            } else {
                InvalidTransitionException refused = assertThrows(
                        InvalidTransitionException.class, () -> transition.accept(document), from + " " + verb);
                assertEquals(ErrorCode.INVALID_TRANSITION, refused.code());
                assertEquals(value.apply(from), refused.details().get("current_status"));
                assertEquals(allowed.apply(from), refused.details().get("allowed_transitions"));
                assertEquals(from, statusOf.apply(document), "a refusal changes nothing");
            }
        });
    }

    /**
     * {@code document} moved to {@code target} by the fewest verbs its life allows (none when it is there).
     *
     * @throws IllegalArgumentException when the life never leads from the document's status to the target
     */
    public static <D, S extends Enum<S>> D reach(
            D document,
            S target,
            Function<D, S> statusOf,
            Map<String, Consumer<D>> verbs,
            Map<S, Map<String, S>> life) {
        S start = statusOf.apply(document);
        Map<S, List<String>> paths = new HashMap<>(Map.of(start, List.of()));
        Deque<S> next = new ArrayDeque<>(List.of(start));
        while (!next.isEmpty()) {
            S from = next.poll();
            new TreeMap<>(life.get(from)).forEach((verb, to) -> {
                if (!paths.containsKey(to)) {
                    List<String> path = new ArrayList<>(paths.get(from));
                    path.add(verb);
                    paths.put(to, path);
                    next.add(to);
                }
            });
        }
        if (!paths.containsKey(target)) {
            throw new IllegalArgumentException(target + " is never reached from " + start);
        }
        paths.get(target).forEach(verb -> verbs.get(verb).accept(document));
        assertEquals(target, statusOf.apply(document), "reached through " + paths.get(target));
        return document;
    }
}
