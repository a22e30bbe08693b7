package com.guitarstudio.lessons.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The admin page's sign-in: form, CSRF, the token cookie, lockout and logout, as a browser sees them. */
@IntegrationTest
class LoginFormTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StudioFixtures studio;

    @Autowired
    MutableClock clock;

    TestHttp http;

    @BeforeEach
    void users() {
        studio.empty();
        studio.signInUsers();
        clock.set(IntegrationTestConfiguration.START);
        http = new TestHttp(port);
    }

    @Test
    void theLoginPageIsAFormWithACsrfToken() {
        HttpResponse<String> page = http.get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form", "name=\"email\"", "name=\"password\"", "name=\"_csrf\"");
    }

    @Test
    void signingInSetsAnHttpOnlySameSiteCookieAndGoesToTheAdminPage() {
        HttpResponse<String> response = submitLogin(TestUsers.ADMIN, TestUsers.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/admin/background-jobs");
        String cookie = tokenCookie(response);
        assertThat(cookie)
                .startsWith("lessons_token=ey")
                .contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=43200");
        assertThat(cookie).doesNotContain("Secure");
    }

    @Test
    void aWrongPasswordGoesBackToTheFormWithAMessage() {
        HttpResponse<String> response = submitLogin(TestUsers.ADMIN, "wrong");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(http.get("/login?error").body()).contains("Invalid email or password");
    }

    @Test
    void aLoginPostWithoutCsrfTokenIsRefused() {
        HttpResponse<String> response = http.post(
                "/login",
                "email=" + TestUsers.ADMIN + "&password=" + TestUsers.PASSWORD,
                "Content-Type",
                "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("lessons_token=ey"));
    }

    @Test
    void theSixthWrongPasswordIsAnswered429WithTheFormAndHowLongToWait() {
        for (int i = 0; i < 5; i++) {
            assertThat(submitLogin(TestUsers.ADMIN, "wrong").statusCode()).isEqualTo(302);
        }

        HttpResponse<String> locked = submitLogin(TestUsers.ADMIN, TestUsers.PASSWORD);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValue("900");
        assertThat(locked.body()).contains("Too many failed sign-ins", "Try again in 15 minutes.", "<form");
        assertThat(locked.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("lessons_token=ey"));

        clock.advance(Duration.ofMinutes(15));
        assertThat(submitLogin(TestUsers.ADMIN, TestUsers.PASSWORD).statusCode())
                .isEqualTo(302);
    }

    @Test
    void withoutSignInTheAdminPageRedirectsToTheLogin() {
        HttpResponse<String> response = http.get("/admin/background-jobs", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void signedInWithoutAdminRightsTheAdminPageIsForbidden() {
        String cookie = cookieValue(tokenCookie(submitLogin(TestUsers.STUDENT, TestUsers.PASSWORD)));

        HttpResponse<String> response =
                http.get("/admin/background-jobs", "Accept", "text/html", "Cookie", "lessons_token=" + cookie);

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void anExpiredCookieIsClearedAndTheBrowserSentToTheLogin() {
        String cookie = cookieValue(tokenCookie(submitLogin(TestUsers.ADMIN, TestUsers.PASSWORD)));
        clock.advance(Duration.ofHours(13));

        HttpResponse<String> response =
                http.get("/admin/background-jobs", "Accept", "text/html", "Cookie", "lessons_token=" + cookie);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(response.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("lessons_token=;") && c.contains("Max-Age=0"));
    }

    @Test
    void logoutClearsTheCookie() {
        String cookie = cookieValue(tokenCookie(submitLogin(TestUsers.ADMIN, TestUsers.PASSWORD)));
        TestHttp.Form form = http.form("/login", "lessons_token=" + cookie);

        HttpResponse<String> response = http.submit("/logout", form, "");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(response.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("lessons_token=;") && c.contains("Max-Age=0"));
    }

    private HttpResponse<String> submitLogin(String email, String password) {
        return http.submit(
                "/login", http.form("/login", ""), "email=" + encode(email) + "&password=" + encode(password));
    }

    private static String tokenCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("lessons_token="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no lessons_token cookie in " + response.headers()));
    }

    private static String cookieValue(String setCookie) {
        return setCookie.substring("lessons_token=".length(), setCookie.indexOf(';'));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
