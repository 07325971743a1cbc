package it.io.factoryops.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a task many times at once (up to 16 threads), for the tests of concurrent requests. */
public final class Concurrently {

    /** One run of the task, by its index. */
    @FunctionalInterface
    public interface Task<T> {
        T run(int index) throws Exception;
    }

    private Concurrently() {}

    /** The results in index order; the first failure of a run is rethrown. */
    public static <T> List<T> run(int count, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 16));
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                calls.add(() -> task.run(index));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code count} requests at once that each take one unit of {@code stock} units ({@code take} sends one by its
     * index): exactly {@code stock} succeed with {@code ok}, the others are refused with 409 INSUFFICIENT_STOCK.
     */
    public static void assertNeverOversold(int count, int stock, int ok, Task<Response> take) throws Exception {
        List<Integer> statuses = run(count, i -> {
            try (Response r = take.run(i)) {
                if (r.getStatus() != ok) {
                    Api.assertProblem(r, 409, "INSUFFICIENT_STOCK");
                }
                return r.getStatus();
            }
        });
        assertEquals(stock, statuses.stream().filter(s -> s == ok).count(), statuses.toString());
        assertEquals(count - stock, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }
}
