import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load driver of the inventory benchmarks (bench/README.md, "Inventory"). Loopback only, bounded in
 * time; HTTP/1.1, so that each concurrent caller has a connection of its own, like wrk's.
 *
 *   java bench/InventoryLoad.java get BASE PASSWORD PATH [connections=16] [seconds=20] [warmup seconds=20]
 *       GETs PATH back to back from `connections` threads for `seconds` after a warm-up of the same
 *       shape; prints requests/s, p50/p90/p99/max and the answers by status.
 *   java bench/InventoryLoad.java receive BASE PASSWORD [orders=200] [lines=20] [warmup orders=50]
 *       Creates a supplier, then `warmup + orders` purchase orders of `lines` lines each on distinct
 *       parts (the first active parts of GET /api/inventory/items), created and submitted by a manager and
 *       approved by an admin (four eyes: two accounts the super admin creates, neither tied to the other;
 *       If-Match of the submitted version), then receives each one whole with
 *       POST /api/purchase-orders/{id}/receive (one caller, one after the other: the latency of one
 *       receipt, not the throughput); the first `warmup` are not measured.
 */
public class InventoryLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args[1];
        String token = login(base, "admin", args[2]);
        System.out.printf("cores %d, load average %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
        if ("get".equals(args[0])) {
            String path = args[3];
            int connections = args.length > 4 ? Integer.parseInt(args[4]) : 16;
            int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 20;
            int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 20;
            run(base + path, token, connections, warmup);
            Result r = run(base + path, token, connections, seconds);
            r.print("GET " + path + ", " + connections + " connections, " + seconds + " s");
        } else {
            int orders = args.length > 3 ? Integer.parseInt(args[3]) : 200;
            int lines = args.length > 4 ? Integer.parseInt(args[4]) : 20;
            int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 50;
            receive(base, token, args[2], orders, lines, warmup);
        }
        System.out.printf("load average after: %s%n", loadAverage());
    }

    record Result(List<Long> nanos, Map<Integer, Long> statuses, double seconds) {
        void print(String what) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            System.out.printf("%s: %d requests, %.0f req/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, "
                    + "statuses %s%n", what, sorted.size(), sorted.size() / seconds, pct(sorted, 50), pct(sorted, 90),
                    pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, statuses);
        }
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }

    static Result run(String url, String token, int connections, int seconds) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Long> statuses = Collections.synchronizedMap(new TreeMap<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build();
        long began = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    nanos.add(System.nanoTime() - t0);
                    statuses.merge(status, 1L, Long::sum);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return new Result(nanos, statuses, (System.nanoTime() - began) / 1e9);
    }

    static void receive(String base, String token, String password, int orders, int lines, int warmup)
            throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        long supplier = id(call(base, token, "POST", "/api/suppliers", "{\"name\":\"Bench supplier " + run
                + "\",\"code\":\"B" + run.toUpperCase() + "\",\"active\":true}", 201));
        String approver = "bench-approver-" + run;
        call(base, token, "POST", "/api/auth/register", "{\"username\":\"" + approver + "\",\"email\":\"" + approver
                + "@bench.example\",\"password\":\"" + password + "\",\"full_name\":\"Bench approver\","
                + "\"role\":\"admin\"}", 201);
        String approverToken = login(base, approver, password);
        String requester = "bench-requester-" + run;
        call(base, token, "POST", "/api/auth/register", "{\"username\":\"" + requester + "\",\"email\":\""
                + requester + "@bench.example\",\"password\":\"" + password + "\",\"full_name\":\"Bench requester\","
                + "\"role\":\"manager\"}", 201);
        String requesterToken = login(base, requester, password);
        List<Long> parts = new ArrayList<>();
        for (int page = 1; parts.size() < lines; page++) {
            String body = call(base, token, "GET", "/api/inventory/items?active=true&per_page=100&page=" + page, null,
                    200);
            Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(body.substring(body.indexOf("\"data\":")));
            while (m.find() && parts.size() < lines) {
                parts.add(Long.parseLong(m.group(1)));
            }
        }
        List<Long> ids = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int n = 0; n < warmup + orders; n++) {
            StringBuilder body = new StringBuilder("{\"supplier_id\":" + supplier + ",\"lines\":[");
            for (int i = 0; i < lines; i++) {
                body.append(i == 0 ? "" : ",").append("{\"item_id\":").append(parts.get(i))
                        .append(",\"quantity\":").append(5 + i).append(",\"unit_cost\":").append(1 + i).append(".25}");
            }
            long po = id(call(base, requesterToken, "POST", "/api/purchase-orders", body.append("]}").toString(), 201));
            Matcher version = Pattern.compile("\"version\":(\\d+)").matcher(
                    call(base, requesterToken, "POST", "/api/purchase-orders/" + po + "/submit", null, 200));
            if (!version.find()) {
                throw new IllegalStateException("no version in the submitted purchase order " + po);
            }
            call(base, approverToken, "POST", "/api/purchase-orders/" + po + "/approve", null, 200,
                    "\"" + version.group(1) + "\"");
            ids.add(po);
        }
        System.out.printf("%d purchase orders of %d lines created, submitted, approved in %d ms%n", ids.size(), lines,
                (System.nanoTime() - t0) / 1_000_000);
        List<Long> nanos = new ArrayList<>();
        Map<Integer, Long> statuses = new TreeMap<>();
        long began = System.nanoTime();
        for (int n = 0; n < ids.size(); n++) {
            long po = ids.get(n);
            String order = call(base, token, "GET", "/api/purchase-orders/" + po, null, 200);
            String inLines = order.substring(order.indexOf("\"lines\":["));
            Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(inLines.substring(0, inLines.indexOf(']')));
            StringBuilder body = new StringBuilder("{\"lines\":[");
            int i = 0;
            while (m.find()) {
                String line = m.group(1);
                body.append(i == 0 ? "" : ",").append("{\"line_id\":").append(line).append(",\"quantity\":")
                        .append(5 + i).append('}');
                i++;
            }
            if (i != lines) {
                throw new IllegalStateException("found " + i + " lines in " + order);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/purchase-orders/" + po + "/receive"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build();
            long start = System.nanoTime();
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (r.statusCode() != 200) {
                System.out.println("receive " + po + ": " + r.statusCode() + " " + r.body());
            }
            if (n == warmup) {
                began = System.nanoTime();
            }
            if (n >= warmup) {
                nanos.add(took);
                statuses.merge(r.statusCode(), 1L, Long::sum);
            }
        }
        new Result(nanos, statuses, (System.nanoTime() - began) / 1e9).print("POST /api/purchase-orders/{id}/receive, "
                + lines + " lines, one caller (" + warmup + " not measured)");
    }

    static String call(String base, String token, String method, String path, String body, int expected)
            throws Exception {
        return call(base, token, method, path, body, expected, null);
    }

    /** With {@code If-Match} when {@code ifMatch} is not null. */
    static String call(String base, String token, String method, String path, String body, int expected,
                       String ifMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static long id(String body) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return Long.parseLong(m.group(1));
    }

    static String login(String base, String username, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + password + "\"}")).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("login " + username + ": " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }
}
