package com.guitarstudio.lessons.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.AppInstances;
import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sign-in throttle as attackers meet it, through an instance behind a trusted proxy (the test
 * itself, on 127.0.0.1), so each request can come from the client address its X-Forwarded-For names.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTests {

    private static final AppInstances instances = new AppInstances();

    /** The suite's shared instance, which trusts no proxy. */
    @LocalServerPort
    int sharedPort;

    private static TestHttp http;
    private static StudioFixtures studio;
    private static MutableClock clock;
    private static ConfigurableApplicationContext instance;

    @BeforeAll
    static void behindATrustedProxy() {
        // 60 sign-ins at once share the test pool's 6 connections: on a busy machine some wait longer
        // than the 3 s the service waits for a connection, and would be answered 503
        instance = instances.start(
                "--app.trusted-proxies=127.0.0.1/32, ::1/128", "--spring.datasource.hikari.connection-timeout=30000");
        http = new TestHttp(
                ((WebServerApplicationContext) instance).getWebServer().getPort());
        studio = new StudioFixtures(instance.getBean(JdbcClient.class));
        clock = instance.getBean(MutableClock.class);
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @BeforeEach
    void users() {
        clock.set(IntegrationTestConfiguration.START);
        studio.empty();
        studio.signInUsers();
    }

    @Test
    void ofSixtyParallelWrongPasswordsFromOneAddressAtMostFiveAreChecked() throws Exception {
        List<Integer> statuses = inParallel(60, i -> signIn(TestUsers.ADMIN, "wrong " + i, "198.51.100.1"));

        Map<Integer, Long> counted = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(counted).containsOnlyKeys(401, 429);
        assertThat(counted.get(401)).as("checked").isEqualTo(LoginThrottle.MAX_FAILURES);
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, "198.51.100.1"))
                .as("the right password afterwards, from the same address")
                .isEqualTo(429);
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, "203.0.113.9"))
                .as("the owner, from another address")
                .isEqualTo(200);
    }

    @Test
    void theClientIsTheRightmostAddressNotWrittenByATrustedProxy() {
        // what the client wrote itself (left of the proxy's entry) changes nothing
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(signIn(TestUsers.ADMIN, "wrong", "10.9.8." + i + ", 198.51.100.7"))
                    .isEqualTo(401);
        }
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, "10.9.8.99, 198.51.100.7"))
                .isEqualTo(429);
        // a chain through a second trusted proxy still ends at the same client
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, "198.51.100.7, 127.0.0.1"))
                .isEqualTo(429);
    }

    /**
     * A load balancer that writes {@code ip:port}: each client is still itself (before, every such
     * entry fell back to the proxy's address, so one person's failures locked everyone out).
     */
    @Test
    void anAddressWithAPortIsItsClient() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(signIn(TestUsers.ADMIN, "wrong", "9.9.9.6:" + (1000 + i)))
                    .isEqualTo(401);
        }
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, "9.9.9.6:5555")).isEqualTo(429);
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, "9.9.9.66:1001"))
                .as("another client behind the same balancer")
                .isEqualTo(200);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(signIn(TestUsers.TEACHER, "wrong", "[2001:db8:5::1]:" + (443 + i)))
                    .isEqualTo(401);
        }
        assertThat(signIn(TestUsers.TEACHER, TestUsers.PASSWORD, "2001:db8:5::1"))
                .isEqualTo(429);
    }

    /** Every spelling of one address is one client: IPv4-mapped IPv6, leading zeros, capitals, brackets. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            9.9.9.7     | 9.9.9.7, ::ffff:9.9.9.7, ::FFFF:9.9.9.7, [::ffff:9.9.9.7]:80, 9.9.9.7:1
            2001:db8::1 | 2001:db8::1, 2001:0db8:0000:0000:0000:0000:0000:0001, 2001:DB8::1, [2001:db8:0:0::1], 2001:db8:0:0:0:0:0:1
            """)
    void oneAddressHoweverItIsSpelledIsOneClient(String address, String spellings) {
        for (String spelling : spellings.split(",")) {
            assertThat(signIn(TestUsers.ADMIN, "wrong", spelling.strip()))
                    .as(spelling)
                    .isEqualTo(401);
        }
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, address)).isEqualTo(429);
    }

    /** An IPv6 client has a /64 of addresses to choose from: they count as one client. */
    @Test
    void ipv6ClientsAreCountedByTheirSlash64() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(signIn(TestUsers.ADMIN, "wrong", "2001:db8:7:7::" + Integer.toHexString(i + 1)))
                    .isEqualTo(401);
        }
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, "2001:db8:7:7:ffff::9"))
                .isEqualTo(429);
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, "2001:db8:7:8::1"))
                .as("the next /64")
                .isEqualTo(200);
    }

    /**
     * A forwarded entry that is not an address, from a trusted proxy: that request is a client of its
     * own, not the proxy (whose counter every client would share), and the service says so once.
     */
    @Test
    void garbageFromATrustedProxyIsAClientOfItsOwn(CapturedOutput output) {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(signIn(TestUsers.ADMIN, "wrong", "not-an-address")).isEqualTo(401);
        }
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, "also garbage")).isEqualTo(200);
        assertThat(signInDirectly(TestUsers.ADMIN, TestUsers.PASSWORD))
                .as("the proxy's own address")
                .isEqualTo(200);
        assertThat(output.getAll())
                .containsOnlyOnce("X-Forwarded-For from a trusted proxy holds an entry that is not an address");
    }

    @Test
    void oneAddressTryingManyEmailsIsStoppedAfterThirty() {
        for (int i = 0; i < LoginThrottle.MAX_PER_ADDRESS; i++) {
            assertThat(signIn("nobody" + i + "@example.com", "guess", "198.51.100.2"))
                    .isEqualTo(401);
        }
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, "198.51.100.2")).isEqualTo(429);
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, "198.51.100.3")).isEqualTo(200);

        clock.advance(LoginThrottle.WINDOW);
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, "198.51.100.2")).isEqualTo(200);
    }

    @Test
    void oneEmailGuessedFromManyAddressesIsStoppedAfterAHundred() {
        for (int address = 0; address < LoginThrottle.MAX_PER_EMAIL / LoginThrottle.MAX_FAILURES; address++) {
            for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
                assertThat(signIn(TestUsers.ADMIN, "guess", "192.0.2." + address))
                        .isEqualTo(401);
            }
        }
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, "203.0.113.50")).isEqualTo(429);
        assertThat(signIn(TestUsers.TEACHER, TestUsers.PASSWORD, "203.0.113.50"))
                .as("another email")
                .isEqualTo(200);
    }

    @Test
    void aSuccessForgetsOnlyTheFailuresOfItsOwnAddress() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            assertThat(signIn(TestUsers.ADMIN, "guess", "198.51.100.4")).isEqualTo(401);
        }
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, "203.0.113.4")).isEqualTo(200);
        assertThat(signIn(TestUsers.ADMIN, "guess", "198.51.100.4")).isEqualTo(401);
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, "198.51.100.4"))
                .as("the guesser's fifth failure still counts")
                .isEqualTo(429);
    }

    @Test
    void theSignInCookieIsSecureWhenATrustedProxySaysTheRequestCameOverHttps() {
        assertThat(tokenCookie(http, "203.0.113.1", "https")).contains("; Secure");
        assertThat(tokenCookie(http, "203.0.113.1", "http")).doesNotContain("Secure");
        // from anyone else the header means nothing (the suite's shared instance trusts no proxy)
        TestHttp directHttp = new TestHttp(sharedPort);
        assertThat(tokenCookie(directHttp, "203.0.113.1", "https")).doesNotContain("Secure");
    }

    @Test
    void failuresOnOneInstanceCountOnAnother() {
        ConfigurableApplicationContext other = instances.start("--app.trusted-proxies=127.0.0.1/32");
        TestHttp otherHttp = new TestHttp(
                ((WebServerApplicationContext) other).getWebServer().getPort());
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            TestHttp instance = i % 2 == 0 ? http : otherHttp;
            assertThat(instance.postJson(
                                    "/api/auth/token",
                                    "{\"email\":\"" + TestUsers.ADMIN + "\",\"password\":\"wrong\"}",
                                    "X-Forwarded-For",
                                    "198.51.100.20")
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD, "198.51.100.20")).isEqualTo(429);
        assertThat(otherHttp
                        .postJson(
                                "/api/auth/token",
                                "{\"email\":\"" + TestUsers.ADMIN + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}",
                                "X-Forwarded-For",
                                "198.51.100.20")
                        .statusCode())
                .isEqualTo(429);
    }

    @Test
    void failuresOlderThanTheWindowAreDeleted() {
        JdbcClient jdbc = instance.getBean(JdbcClient.class);
        assertThat(signIn(TestUsers.ADMIN, "wrong", "198.51.100.30")).isEqualTo(401);
        assertThat(signIn(TestUsers.ADMIN, "wrong", "198.51.100.31")).isEqualTo(401);
        clock.advance(LoginThrottle.WINDOW.minusSeconds(1));
        assertThat(signIn(TestUsers.ADMIN, "wrong", "198.51.100.32")).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from login_failure")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);

        clock.advance(Duration.ofSeconds(1));
        assertThat(signIn(TestUsers.TEACHER, "wrong", "198.51.100.33")).isEqualTo(401);
        assertThat(jdbc.sql("select client_address from login_failure order by failed_at")
                        .query(String.class)
                        .list())
                .as("the two from 15 minutes ago are gone with the next attempt")
                .containsExactly("198.51.100.32", "198.51.100.33");
    }

    private static String tokenCookie(TestHttp via, String forwardedFor, String proto) {
        TestHttp.Form form = via.form("/login", "");
        return via
                .submit(
                        "/login",
                        form,
                        "email=" + TestUsers.ADMIN.replace("@", "%40") + "&password="
                                + TestUsers.PASSWORD.replace(" ", "+"),
                        "X-Forwarded-For",
                        forwardedFor,
                        "X-Forwarded-Proto",
                        proto)
                .headers()
                .allValues("Set-Cookie")
                .stream()
                .filter(cookie -> cookie.startsWith("lessons_token="))
                .findFirst()
                .orElseThrow();
    }

    private static int signInDirectly(String email, String password) {
        return http.postJson("/api/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .statusCode();
    }

    private static int signIn(String email, String password, String forwardedFor) {
        HttpResponse<String> response = http.postJson(
                "/api/auth/token",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                "X-Forwarded-For",
                forwardedFor);
        return response.statusCode();
    }

    /** Runs {@code requests} at once (all released by one latch) and returns their statuses. */
    private static List<Integer> inParallel(int requests, Function<Integer, Integer> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                answers.add(threads.submit(() -> {
                    go.await();
                    return request.apply(n);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(Duration.ofMinutes(2).toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }
}
