import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A login flood against one server, with an ordinary authenticated GET measured meanwhile
 * (bench/README.md, "Login flood"). Loopback only; every phase is bounded in time.
 *
 *   java bench/LoginFlood.java http://localhost:9480 <admin password> [flooders=32] [seconds=20] [rate=20]
 *
 * 1. Logs in as admin (one good login), measures GET /api/auth/me alone for 5 s (one caller, back to back).
 * 2. Flood: `flooders` threads post bad logins for distinct unknown accounts (one account per
 *    attempt, so no per-account bucket stops them) for `seconds`, together at most `rate` attempts a
 *    second (each thread paced; a thread whose login is slow falls behind, it does not catch up):
 *    20/s is what 10 addresses send within the default anonymous limit of 120 a minute each. The
 *    same GET is measured meanwhile.
 * Prints the login rate by status and the GET's latency percentiles in both phases.
 */
public class LoginFlood {

    /** HTTP/1.1: one connection per concurrent request, as separate attackers would have (HTTP/2 would multiplex one). */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String password = args[1];
        int flooders = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        double rate = args.length > 4 ? Double.parseDouble(args[4]) : 20;
        long periodNanos = (long) (flooders * 1e9 / rate);
        String token = login(base, password);
        System.out.printf("cores %d, flooders %d, %d s, at most %.0f logins/s%n",
                Runtime.getRuntime().availableProcessors(), flooders, seconds, rate);

        List<Long> quiet = probe(base, token, 5_000, new AtomicBoolean(true));
        report("GET /api/auth/me, no flood", quiet, 5);

        AtomicBoolean running = new AtomicBoolean(true);
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<Long> loginNanos = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(flooders);
        AtomicLong n = new AtomicLong();
        for (int t = 0; t < flooders; t++) {
            long offset = periodNanos * t / flooders;
            pool.submit(() -> {
                long next = System.nanoTime() + offset;
                while (running.get()) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    next = Math.max(next + periodNanos, System.nanoTime());
                    long i = n.incrementAndGet();
                    String body = "{\"username\":\"flood-" + i + "\",\"password\":\"Wrong-Passw0rd-" + i + "\"}";
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                                        .timeout(Duration.ofSeconds(30))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        statuses.computeIfAbsent(r.statusCode(), k -> new AtomicLong()).incrementAndGet();
                    } catch (Exception e) {
                        statuses.computeIfAbsent(-1, k -> new AtomicLong()).incrementAndGet();
                    }
                    loginNanos.add(System.nanoTime() - start);
                }
                return null;
            });
        }
        List<Long> flooded;
        try {
            Thread.sleep(2_000); // let the flood build up
            flooded = probe(base, token, seconds * 1_000L - 2_000, running);
        } finally {
            running.set(false);
            pool.shutdown();
        }
        pool.awaitTermination(60, TimeUnit.SECONDS);
        long total = statuses.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("logins: %d in %d s = %.1f/s; by status %s%n", total, seconds, total / (double) seconds,
                new java.util.TreeMap<>(statuses));
        report("login latency", loginNanos, seconds);
        report("GET /api/auth/me during the flood", flooded, seconds - 2);
        System.exit(0);
    }

    static List<Long> probe(String base, String token, long millis, AtomicBoolean running) throws Exception {
        List<Long> nanos = new ArrayList<>();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end && running.get()) {
            long start = System.nanoTime();
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/me"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                    System.out.println("GET /api/auth/me answered " + r.statusCode());
                }
            } catch (java.net.http.HttpTimeoutException e) {
                System.out.println("GET /api/auth/me: no answer within 30 s");
            }
            nanos.add(System.nanoTime() - start);
            Thread.sleep(50);
        }
        return nanos;
    }

    static void report(String what, List<Long> nanos, long seconds) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println(what + ": no samples");
            return;
        }
        System.out.printf("%s: %d samples, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.size(),
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static String login(String base, String password) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("admin login: " + r.statusCode() + " " + r.body());
        }
        return r.body().replaceAll(".*\"access_token\":\"([^\"]*)\".*", "$1");
    }
}
