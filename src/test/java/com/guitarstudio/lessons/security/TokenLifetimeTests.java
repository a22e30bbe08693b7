package com.guitarstudio.lessons.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.AppInstances;
import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.RawHttp;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A token is only as good as its user is now: it needs an expiry and an id, it stops working
 * everywhere when its user signs out, and a deleted or demoted admin loses access within a minute.
 * Plus what every page response carries: strict security headers, SameSite cookies, relative
 * redirects whatever the Host header says.
 */
@IntegrationTest
class TokenLifetimeTests {

    private static final String HISTORY = "/api/admin/background-jobs/history";

    @LocalServerPort
    int port;

    @Autowired
    StudioFixtures studio;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private final AppInstances instances = new AppInstances();
    TestHttp http;

    @BeforeEach
    void users() {
        clock.set(IntegrationTestConfiguration.START);
        studio.empty();
        studio.signInUsers();
        http = new TestHttp(port);
    }

    @AfterEach
    void stopInstances() {
        instances.close();
    }

    @Test
    void aSignedTokenWithoutAnExpiryOrAnIdIsRefused() {
        UUID admin = userId(TestUsers.ADMIN);
        String noExpiry = signed(Jwts.builder().id(UUID.randomUUID().toString()), admin);
        String noId = signed(
                Jwts.builder().expiration(Date.from(IntegrationTestConfiguration.START.plus(Duration.ofHours(1)))),
                admin);
        String complete = signed(
                Jwts.builder()
                        .id(UUID.randomUUID().toString())
                        .expiration(Date.from(IntegrationTestConfiguration.START.plus(Duration.ofHours(1)))),
                admin);

        assertThat(status(noExpiry)).isEqualTo(401);
        assertThat(status(noId)).isEqualTo(401);
        assertThat(status(complete)).as("the same token with both").isEqualTo(200);
    }

    /** The service never issues a token that lives longer than its own lifetime (12 hours); it accepts none. */
    @Test
    void aSignedTokenThatLivesLongerThanTheServicesOwnIsRefused() {
        UUID admin = userId(TestUsers.ADMIN);
        String thousandYears = signed(
                Jwts.builder()
                        .id(UUID.randomUUID().toString())
                        .issuedAt(Date.from(IntegrationTestConfiguration.START))
                        .expiration(Date.from(IntegrationTestConfiguration.START.plus(Duration.ofDays(365_000)))),
                admin);
        String twelveHours = signed(
                Jwts.builder()
                        .id(UUID.randomUUID().toString())
                        .issuedAt(Date.from(IntegrationTestConfiguration.START))
                        .expiration(Date.from(IntegrationTestConfiguration.START.plus(Duration.ofHours(12)))),
                admin);

        assertThat(status(thousandYears)).isEqualTo(401);
        assertThat(status(twelveHours)).isEqualTo(200);
    }

    /** An API client signs its own token out: POST /api/auth/logout with it, and it stops working everywhere. */
    @Test
    void anApiClientSignsItsTokenOut() {
        String token = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        String other = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);

        HttpResponse<String> out = http.post("/api/auth/logout", null, "Authorization", token);

        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(status(token)).isEqualTo(401);
        assertThat(status(other)).as("only the token presented").isEqualTo(200);
        assertThat(http.post("/api/auth/logout", null, "Authorization", token).statusCode())
                .as("again")
                .isEqualTo(401);
        assertThat(http.post("/api/auth/logout", null).statusCode()).isEqualTo(401);
    }

    /** A revoked token is remembered until it would have expired anyway, then forgotten: the table does not grow. */
    @Test
    void aRevokedTokenIsForgottenOnceItWouldHaveExpired() {
        jdbc.sql("delete from revoked_token").update();
        String morning = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(http.post("/api/auth/logout", null, "Authorization", morning).statusCode())
                .isEqualTo(204);
        assertThat(revokedUntil()).containsExactly(IntegrationTestConfiguration.START.plus(Duration.ofHours(12)));

        // 12 hours and a second later the morning's token has expired: the next sign-out forgets it
        clock.advance(Duration.ofHours(12).plusSeconds(1));
        String evening = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(http.post("/api/auth/logout", null, "Authorization", evening).statusCode())
                .isEqualTo(204);

        assertThat(revokedUntil())
                .containsExactly(IntegrationTestConfiguration.START
                        .plus(Duration.ofHours(24))
                        .plusSeconds(1));
        assertThat(status(evening)).isEqualTo(401);
    }

    private List<Instant> revokedUntil() {
        return jdbc
                .sql("select expires_at from revoked_token order by expires_at")
                .query(Timestamp.class)
                .list()
                .stream()
                .map(Timestamp::toInstant)
                .toList();
    }

    @Test
    void aDeletedAdminLosesAccessWithinAMinute() {
        String token = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(status(token)).isEqualTo(200);

        studio.update("delete from app_user where email = ?", TestUsers.ADMIN);
        clock.advance(CurrentUsers.MAX_AGE.plusSeconds(1));

        assertThat(status(token)).isEqualTo(401);
        assertThat(http.post("/api/admin/background-jobs/generate-lessons", null, "Authorization", token)
                        .statusCode())
                .isEqualTo(401);
        assertThat(runs()).isZero();
    }

    @Test
    void aDemotedAdminLosesAccessWithinAMinuteAndAPromotedTeacherGainsIt() {
        String admin = http.bearerFor(TestUsers.ADMIN_TEACHER, TestUsers.PASSWORD);
        String teacher = http.bearerFor(TestUsers.TEACHER, TestUsers.PASSWORD);
        assertThat(status(admin)).isEqualTo(200);
        assertThat(status(teacher)).isEqualTo(403);

        studio.update(
                "update teacher_profile set is_admin = not is_admin where user_id in (select id from app_user"
                        + " where email in (?, ?))",
                TestUsers.ADMIN_TEACHER,
                TestUsers.TEACHER);
        clock.advance(CurrentUsers.MAX_AGE.plusSeconds(1));

        assertThat(status(admin)).isEqualTo(403);
        assertThat(status(teacher)).isEqualTo(200);
    }

    @Test
    void signingOutRevokesTheTokenOnEveryInstance() {
        ConfigurableApplicationContext other = instances.start();
        TestHttp otherHttp = new TestHttp(
                ((WebServerApplicationContext) other).getWebServer().getPort());
        String token = http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD);
        String raw = token.substring("Bearer ".length());
        assertThat(otherHttp.get(HISTORY, "Authorization", token).statusCode()).isEqualTo(200);

        TestHttp.Form form = http.form("/login", "lessons_token=" + raw);
        assertThat(http.submit("/logout", form, "").statusCode()).isEqualTo(302);

        assertThat(status(token)).isEqualTo(401);
        assertThat(otherHttp.get(HISTORY, "Authorization", token).statusCode()).isEqualTo(401);
        HttpResponse<String> page = otherHttp.get("/admin/background-jobs", "Cookie", "lessons_token=" + raw);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login");
        assertThat(status(http.bearerFor(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .as("a new sign-in")
                .isEqualTo(200);
    }

    @Test
    void pagesSendStrictHeadersSameSiteCookiesAndRelativeRedirects() {
        RawHttp.Answer evilHost = RawHttp.send(
                port,
                "GET",
                "/admin/background-jobs",
                RawHttp.header("Host", "evil.example"),
                RawHttp.header("X-Forwarded-Host", "evil.example"),
                RawHttp.header("X-Forwarded-Proto", "https"));
        assertThat(evilHost.status()).isEqualTo(302);
        assertThat(evilHost.text()).contains("\r\nLocation: /login\r\n").doesNotContain("evil.example");
        HttpResponse<String> toLogin = http.get("/admin/background-jobs", "X-Forwarded-Host", "evil.example");
        assertThat(toLogin.headers().firstValue("Location")).hasValue("/login");

        HttpResponse<String> login = http.get("/login");
        for (HttpResponse<String> response : List.of(toLogin, login, http.get(HISTORY))) {
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(response.headers().firstValue("Permissions-Policy"))
                    .hasValue(SecurityHeaders.PERMISSIONS_POLICY);
        }
        List<String> cookies = new java.util.ArrayList<>(toLogin.headers().allValues("Set-Cookie"));
        cookies.addAll(login.headers().allValues("Set-Cookie"));
        TestHttp.Form form = http.form("/login", "");
        cookies.addAll(http.submit(
                        "/login",
                        form,
                        "email=" + TestUsers.ADMIN.replace("@", "%40") + "&password="
                                + TestUsers.PASSWORD.replace(" ", "+"))
                .headers()
                .allValues("Set-Cookie"));
        assertThat(cookies)
                .extracting(cookie -> cookie.substring(0, cookie.indexOf('=')))
                .contains("XSRF-TOKEN", "REDIRECT_URI", "lessons_token");
        assertThat(cookies).allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite=Lax"));
    }

    private String signed(JwtBuilder builder, UUID user) {
        return "Bearer "
                + builder.issuer("lesson-service")
                        .subject(user.toString())
                        .claim("email", TestUsers.ADMIN)
                        .claim("name", "Admin")
                        .claim("role", "ADMIN")
                        .claim("admin", true)
                        .signWith(
                                Keys.hmacShaKeyFor(
                                        "test-only-signing-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
                                Jwts.SIG.HS256)
                        .compact();
    }

    private int status(String bearer) {
        return http.get(HISTORY, "Authorization", bearer).statusCode();
    }

    private UUID userId(String email) {
        return jdbc.sql("select id from app_user where email = ?")
                .param(email)
                .query(UUID.class)
                .single();
    }

    private long runs() {
        return jdbc.sql("select count(*) from job_log").query(Long.class).single();
    }
}
