import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reliability checks against a running service, as many tablets would use it. Run with the JDK alone:
 *
 * <pre>
 *   java bench/Reliability.java soak   [seconds=300] [tablets=48]
 *   java bench/Reliability.java outage [seconds=60]  [tablets=24]
 * </pre>
 *
 * Environment: DEALEROPS_URL (http://localhost:18080), JWT_SIGN_KEY (src/dev/jwt/private.pem), and for the outage
 * DB_STOP / DB_START (shell commands that stop and start PostgreSQL).
 * <p>
 * soak: reads, creates (a quarter of them retried with the same Idempotency-Key, as after a lost response), and
 * updates with the ETags each tablet last saw, from two tablets per salesperson working on the same customers, so
 * updates race and the loser gets a 412, reloads and tries again. Afterwards the database must hold
 * exactly the acknowledged writes: every acknowledged customer once, no other; each customer at the version and
 * with the value of its last acknowledged update, its version equal to the number of acknowledged updates.
 * <p>
 * outage: the same traffic; after 15 s PostgreSQL is stopped for 10 s. Meanwhile every answer must be a quick
 * 503 problem with Retry-After and readiness DOWN; afterwards the service must recover by itself, the clients
 * retry their failed creates with the same keys, and no acknowledged write may be missing.
 */
public class Reliability {

    static final String URL = env("DEALEROPS_URL", "http://localhost:18080");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4)).build();
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern CITY = Pattern.compile("\"city\":\"([^\"]*)\"");
    static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    static final Pattern NEXT = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

    final UUID dealer = UUID.randomUUID();
    final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    final Map<String, String> ackedCreates = new ConcurrentHashMap<>(); // id -> phone
    final Map<String, Ack> lastAckedUpdate = new ConcurrentHashMap<>(); // id -> highest acknowledged version
    final Map<String, LongAdder> ackedUpdates = new ConcurrentHashMap<>();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong phones = new AtomicLong();
    /** Customers per salesperson, shared by the salesperson's two tablets so that their updates race. */
    final Map<String, List<String>> customersOf = new ConcurrentHashMap<>();
    final AtomicBoolean outage = new AtomicBoolean();
    final AtomicLong slowestDuringOutageMicros = new AtomicLong();
    final LongAdder outageAnswers = new LongAdder();

    record Ack(long version, String city) {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "soak";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : mode.equals("soak") ? 300 : 60;
        int tablets = args.length > 2 ? Integer.parseInt(args[2]) : mode.equals("soak") ? 48 : 24;
        boolean ok = new Reliability().run(mode, seconds, tablets);
        System.exit(ok ? 0 : 1);
    }

    boolean updates = true;

    boolean run(String mode, int seconds, int tablets) throws Exception {
        // during an outage the fate of an update whose answer was lost is unknown; creates carry idempotency keys
        // and are retried until acknowledged, so they are what the outage run checks
        updates = !mode.equals("outage");
        PrivateKey key = privateKey(Path.of(env("JWT_SIGN_KEY", "src/dev/jwt/private.pem")));
        List<String> salesTokens = new ArrayList<>();
        for (int i = 0; i < Math.max(1, tablets / 2); i++) {
            salesTokens.add(token(key, UUID.randomUUID(), "soak sales " + i, "sales"));
        }
        String manager = token(key, UUID.randomUUID(), "soak manager", "sales-manager");
        System.out.printf("%s: %d tablets (2 per salesperson) for %d s against %s, dealer %s%n", mode, tablets,
                seconds, URL, dealer);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(tablets);
        for (int i = 0; i < tablets; i++) {
            String token = salesTokens.get(i / 2);
            long seed = i;
            pool.submit(() -> tablet(token, end, new Random(seed)));
        }
        if (mode.equals("outage")) {
            runOutage();
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
        return report(mode) & verify(manager);
    }

    /** One tablet: a salesperson's day, compressed. */
    void tablet(String token, long end, Random random) {
        List<String> mine = customersOf.computeIfAbsent(token, t -> Collections.synchronizedList(new ArrayList<>()));
        Map<String, String> etags = new ConcurrentHashMap<>();
        List<String[]> unacknowledgedCreates = new ArrayList<>(); // key, body
        try {
            while (System.nanoTime() < end) {
                int dice = random.nextInt(100);
                if (!outage.get() && !unacknowledgedCreates.isEmpty()) {
                    String[] retry = unacknowledgedCreates.remove(0);
                    create(token, retry[0], retry[1], mine, etags, unacknowledgedCreates);
                } else if (dice < 40) {
                    send(token, "GET", "/api/v1/customers?limit=20", null, Map.of());
                } else if (dice < 55 && !mine.isEmpty()) {
                    String id = pick(mine, random);
                    HttpResponse<String> got = send(token, "GET", "/api/v1/customers/" + id, null,
                            Map.of("If-None-Match", etags.getOrDefault(id, "\"0\"")));
                    if (got != null && got.statusCode() == 200) {
                        got.headers().firstValue("ETag").ifPresent(tag -> etags.put(id, tag));
                    }
                } else if (dice < 75 || mine.isEmpty()) {
                    String phone = String.format("139%08d", phones.incrementAndGet() % 100_000_000);
                    String body = "{\"name\":\"浸泡测试\",\"phone\":\"" + phone + "\",\"city\":\"杭州\"}";
                    String idempotencyKey = UUID.randomUUID().toString();
                    create(token, idempotencyKey, body, mine, etags, unacknowledgedCreates);
                    if (random.nextInt(4) == 0) { // the response was lost on the way: the tablet sends it again
                        create(token, idempotencyKey, body, mine, etags, unacknowledgedCreates);
                    }
                } else if (updates) {
                    update(token, pick(mine, random), etags, random);
                } else {
                    send(token, "GET", "/api/v1/customers?limit=20", null, Map.of());
                }
            }
            // before leaving, every create the tablet could not get acknowledged is retried with its key
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!unacknowledgedCreates.isEmpty() && System.nanoTime() < deadline) {
                String[] retry = unacknowledgedCreates.remove(0);
                create(token, retry[0], retry[1], mine, etags, unacknowledgedCreates);
                if (!unacknowledgedCreates.isEmpty()) {
                    Thread.sleep(200);
                }
            }
        } catch (Exception e) {
            failures.add("tablet stopped: " + e);
        }
    }

    static String pick(List<String> shared, Random random) {
        synchronized (shared) {
            return shared.get(random.nextInt(shared.size()));
        }
    }

    void create(String token, String key, String body, List<String> mine, Map<String, String> etags,
            List<String[]> unacknowledged) {
        HttpResponse<String> response = send(token, "POST", "/api/v1/customers", body,
                Map.of("Idempotency-Key", key, "Content-Type", "application/json"));
        if (response != null && response.statusCode() == 201) {
            String id = match(ID, response.body());
            String phone = body.replaceAll(".*\"phone\":\"(\\d+)\".*", "+86$1");
            String previous = ackedCreates.putIfAbsent(id, phone);
            if (previous == null) {
                mine.add(id);
                response.headers().firstValue("ETag").ifPresent(tag -> etags.put(id, tag));
            } else if (!response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                failures.add("created twice without a replay: " + id);
            }
        } else if (response == null || response.statusCode() >= 500) {
            unacknowledged.add(new String[] { key, body });
        } else if (response.statusCode() != 409) {
            failures.add("create answered " + response.statusCode() + ": " + response.body());
        }
    }

    void update(String token, String id, Map<String, String> etags, Random random) {
        String city = "城市-" + UUID.randomUUID().toString().substring(0, 8);
        for (int attempt = 0; attempt < 3; attempt++) {
            String etag = etags.getOrDefault(id, "\"0\"");
            HttpResponse<String> response = send(token, "PATCH", "/api/v1/customers/" + id,
                    "{\"city\":\"" + city + "\"}", Map.of("If-Match", etag,
                            "Content-Type", "application/merge-patch+json"));
            if (response == null || response.statusCode() >= 500) {
                return; // not acknowledged (the soak fails on any 5xx; the outage run does no updates)
            }
            if (response.statusCode() == 200) {
                long version = Long.parseLong(match(VERSION, response.body()));
                etags.put(id, "\"" + version + "\"");
                ackedUpdates.computeIfAbsent(id, k -> new LongAdder()).increment();
                lastAckedUpdate.merge(id, new Ack(version, city), (a, b) -> a.version() >= b.version() ? a : b);
                return;
            }
            if (response.statusCode() != 412) {
                failures.add("update answered " + response.statusCode() + ": " + response.body());
                return;
            }
            HttpResponse<String> fresh = send(token, "GET", "/api/v1/customers/" + id, null, Map.of());
            if (fresh == null || fresh.statusCode() != 200) {
                return;
            }
            fresh.headers().firstValue("ETag").ifPresent(tag -> etags.put(id, tag));
        }
    }

    HttpResponse<String> send(String token, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - started) / 1000;
            latenciesMicros.add(micros);
            statuses.computeIfAbsent(method + " " + response.statusCode(), k -> new LongAdder()).increment();
            if (response.statusCode() >= 400) {
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (!type.startsWith("application/problem+json")) {
                    failures.add(method + " " + path + " " + response.statusCode() + " not problem+json: " + type);
                }
            }
            if (response.statusCode() >= 500) {
                // only an outage excuses a 5xx, and then only a 503 that says when to come back
                boolean expected = response.statusCode() == 503 && outage.get()
                        && response.headers().firstValue("Retry-After").isPresent();
                if (outage.get()) {
                    outageAnswers.increment();
                    slowestDuringOutageMicros.accumulateAndGet(micros, Math::max);
                }
                if (!expected) {
                    failures.add(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
                }
            }
            return response;
        } catch (IOException | InterruptedException e) {
            statuses.computeIfAbsent(method + " failed", k -> new LongAdder()).increment();
            if (!outage.get()) {
                failures.add(method + " " + path + ": " + e);
            }
            return null;
        }
    }

    void runOutage() throws Exception {
        Thread.sleep(15_000);
        System.out.println("stopping PostgreSQL: " + env("DB_STOP", "?"));
        outage.set(true);
        long down = System.nanoTime();
        shell(env("DB_STOP", "pg_ctlcluster --skip-systemctl-redirect 15 main stop -m fast"));
        boolean readinessDown = false;
        while (System.nanoTime() - down < TimeUnit.SECONDS.toNanos(10)) {
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(URL + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            readinessDown |= ready.statusCode() == 503 && ready.body().contains("\"DOWN\"");
            Thread.sleep(500);
        }
        System.out.println("starting PostgreSQL: " + env("DB_START", "?"));
        shell(env("DB_START", "pg_ctlcluster --skip-systemctl-redirect 15 main start"));
        long up = System.nanoTime();
        while (true) {
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(URL + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (ready.statusCode() == 200) {
                break;
            }
            Thread.sleep(100);
        }
        outage.set(false);
        System.out.printf("outage: readiness DOWN seen: %s; %d answers during the outage, slowest %d ms; ready "
                + "again %d ms after PostgreSQL was started%n", readinessDown, outageAnswers.sum(),
                slowestDuringOutageMicros.get() / 1000, (System.nanoTime() - up) / 1_000_000);
        if (!readinessDown) {
            failures.add("readiness never reported DOWN during the outage");
        }
        if (slowestDuringOutageMicros.get() > TimeUnit.SECONDS.toMicros(6)) {
            failures.add("an answer during the outage took " + slowestDuringOutageMicros.get() / 1000 + " ms");
        }
    }

    boolean report(String mode) {
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        long total = sorted.size();
        System.out.printf("%s: %d requests; p50 %.1f ms, p99 %.1f ms%n", mode, total,
                percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.99) / 1000.0);
        statuses.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf("  %-12s %8d%n", e.getKey(), e.getValue().sum()));
        long fiveHundreds = statuses.entrySet().stream().filter(e -> e.getKey().matches(".* 5\\d\\d"))
                .mapToLong(e -> e.getValue().sum()).sum();
        System.out.printf("5xx: %d (%s)%n", fiveHundreds, mode.equals("outage") ? "all during the outage, 503"
                : "must be 0");
        return mode.equals("outage") || fiveHundreds == 0;
    }

    /** Reads every customer of the dealer back and compares with what was acknowledged. */
    boolean verify(String manager) {
        Map<String, String> stored = new ConcurrentHashMap<>(); // id -> body
        String cursor = null;
        do {
            HttpResponse<String> page = send(manager, "GET", "/api/v1/customers?limit=100&sort=createdAt"
                    + (cursor == null ? "" : "&cursor=" + cursor), null, Map.of());
            if (page == null || page.statusCode() != 200) {
                failures.add("could not read the customers back: " + (page == null ? "no answer" : page.body()));
                break;
            }
            for (String item : page.body().split("\\},\\{")) {
                String id = match(ID, item);
                if (id != null) {
                    stored.put(id, item);
                }
            }
            cursor = match(NEXT, page.body());
        } while (cursor != null);
        long missing = ackedCreates.keySet().stream().filter(id -> !stored.containsKey(id)).count();
        long unexpected = stored.keySet().stream().filter(id -> !ackedCreates.containsKey(id)).count();
        long wrongUpdates = 0;
        for (var entry : lastAckedUpdate.entrySet()) {
            String body = stored.get(entry.getKey());
            long version = body == null ? -1 : Long.parseLong(match(VERSION, body));
            if (body == null || version != entry.getValue().version()
                    || !entry.getValue().city().equals(match(CITY, body))
                    || version != ackedUpdates.get(entry.getKey()).sum()) {
                wrongUpdates++;
            }
        }
        long updates = ackedUpdates.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf("acknowledged: %d creates, %d updates; stored: %d customers; missing %d, not "
                + "acknowledged but stored %d, customers whose last acknowledged update is not what is stored %d%n",
                ackedCreates.size(), updates, stored.size(), missing, unexpected, wrongUpdates);
        if (missing > 0 || unexpected > 0 || wrongUpdates > 0) {
            failures.add("the database does not hold exactly the acknowledged writes");
        }
        failures.stream().distinct().limit(20).forEach(f -> System.out.println("FAILURE: " + f));
        System.out.println(failures.isEmpty() ? "PASS" : "FAIL (" + failures.size() + " failures)");
        return failures.isEmpty();
    }

    String token(PrivateKey key, UUID staff, String name, String role) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = b64(String.format("{\"iss\":\"https://dev.dealerops.local\",\"aud\":\"dealerops-api\","
                + "\"sub\":\"%s\",\"name\":\"%s\",\"groups\":[\"%s\"],\"dealer_id\":\"%s\",\"iat\":%d,\"exp\":%d}",
                staff, name, role, dealer, now, now + 7200));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    static PrivateKey privateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    static void shell(String command) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", command).inheritIO().start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("command failed: " + command);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
