package com.guitarstudio.lessons.security;

import static com.guitarstudio.lessons.TestHttp.bearer;
import static com.guitarstudio.lessons.TestHttp.fieldNames;
import static com.guitarstudio.lessons.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.guitarstudio.lessons.IntegrationTest;
import com.guitarstudio.lessons.IntegrationTestConfiguration;
import com.guitarstudio.lessons.MutableClock;
import com.guitarstudio.lessons.StudioFixtures;
import com.guitarstudio.lessons.TestHttp;
import com.guitarstudio.lessons.TestUsers;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/auth/token} and the tokens it issues: only the real thing opens the API. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TokenEndpointTests {

    static final String TOKEN = "/api/auth/token";
    static final String ADMIN_API = "/api/admin/background-jobs/history";

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
    void issuesABearerTokenValidForTwelveHours() {
        HttpResponse<String> response = signIn("ADMIN@Studio.test", TestUsers.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = json(response);
        assertThat(fieldNames(body)).containsExactly("token", "tokenType", "expiresAt");
        assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.get("expiresAt").asString()).isEqualTo("2027-03-02T00:00:00Z");
        JsonNode header = decode(body.get("token").asString(), 0);
        JsonNode claims = decode(body.get("token").asString(), 1);
        assertThat(header.get("alg").asString()).isEqualTo("HS256");
        assertThat(claims.get("iss").asString()).isEqualTo("lesson-service");
        assertThat(claims.get("role").asString()).isEqualTo("ADMIN");
        assertThat(claims.get("admin").asBoolean()).isTrue();
        assertThat(claims.get("sub").asString())
                .isEqualTo(jdbc.sql("select id::text from app_user where email = ?")
                        .param(TestUsers.ADMIN)
                        .query(String.class)
                        .single());
        assertThat(http.get(ADMIN_API, "Authorization", bearer(body.get("token").asString()))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = token(TestUsers.ADMIN);
        clock.advance(Duration.ofHours(12).plusSeconds(1));

        assertThat(http.get(ADMIN_API, "Authorization", bearer(token)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = token(TestUsers.TEACHER);
        String[] parts = token.split("\\.");
        // Promote the teacher to admin in the payload, keep the signature.
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"admin\":false", "\"admin\":true");
        String promoted = parts[0] + "." + base64(payload) + "." + parts[2];
        char last = parts[2].charAt(0);
        String badSignature = parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);

        assertThat(http.get(ADMIN_API, "Authorization", bearer(promoted)).statusCode())
                .isEqualTo(401);
        assertThat(http.get(ADMIN_API, "Authorization", bearer(badSignature)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = base64("{\"iss\":\"lesson-service\",\"sub\":\"" + UUID.randomUUID()
                + "\",\"email\":\"x@y.z\",\"name\":\"X\",\"role\":\"ADMIN\",\"admin\":true,\"exp\":"
                + Instant.parse("2030-01-01T00:00:00Z").getEpochSecond() + "}");

        assertThat(http.get(ADMIN_API, "Authorization", "Bearer " + header + "." + claims + ".")
                        .statusCode())
                .isEqualTo(401);
    }

    @ParameterizedTest(name = "signed with {0}, issuer {1}")
    @CsvSource({
        "another-secret-that-is-at-least-32-bytes-long, lesson-service",
        "test-only-signing-secret-0123456789abcdef, another-service"
    })
    void aTokenFromAnotherSecretOrIssuerIsRefused(String secret, String issuer) {
        String forged = Jwts.builder()
                .issuer(issuer)
                .subject(UUID.randomUUID().toString())
                .claim("email", "mallory@studio.test")
                .claim("name", "Mallory")
                .claim("role", "ADMIN")
                .claim("admin", true)
                .expiration(Date.from(IntegrationTestConfiguration.START.plus(Duration.ofHours(1))))
                .signWith(Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256)
                .compact();

        assertThat(http.get(ADMIN_API, "Authorization", bearer(forged)).statusCode())
                .isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$2a$", "$2b$", "$2y$"})
    void passwordsHashedByOtherBcryptLibrariesWork(String prefix) {
        String hash =
                prefix + new BCryptPasswordEncoder().encode("another password").substring(4);
        studio.user("main-app-user@studio.test", "main-app-user", "ADMIN", hash);

        assertThat(signIn("main-app-user@studio.test", "another password").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aUserWithoutAPasswordCannotSignIn() {
        studio.user("no-password@studio.test", "no-password", "ADMIN", null);

        assertThat(signIn("no-password@studio.test", "").statusCode()).isEqualTo(400);
        assertThat(signIn("no-password@studio.test", "anything").statusCode()).isEqualTo(401);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        HttpResponse<String> wrongPassword = signIn(TestUsers.ADMIN, "wrong");
        HttpResponse<String> unknownEmail = signIn("nobody@studio.test", "wrong");

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownEmail.statusCode()).isEqualTo(401);
        assertThat(json(wrongPassword).get("detail"))
                .isEqualTo(json(unknownEmail).get("detail"));
        assertThat(json(wrongPassword).get("detail").asString()).isEqualTo("Invalid email or password");
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(
            strings = {"{\"email\":", "not json", "[]", "{}", "{\"email\":\"a@b.c\"}", "{\"password\":\"x\"}", "null"})
    void aMalformedOrIncompleteBodyIs400(String body) {
        HttpResponse<String> response = http.postJson(TOKEN, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(response).get("detail").asString()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void onlyJsonAndOnlyPost() {
        assertThat(http.post(TOKEN, "email=a&password=b", "Content-Type", "application/x-www-form-urlencoded")
                        .statusCode())
                .isEqualTo(415);
        assertThat(http.get(TOKEN).statusCode()).isEqualTo(405);
    }

    @Test
    void theSixthWrongPasswordInFifteenMinutesLocksTheEmailEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(TestUsers.ADMIN, "wrong " + i).statusCode()).isEqualTo(401);
            clock.advance(Duration.ofMinutes(1));
        }

        HttpResponse<String> sixth = signIn(TestUsers.ADMIN, "wrong again");
        HttpResponse<String> right = signIn(TestUsers.ADMIN, TestUsers.PASSWORD);

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(right.statusCode()).isEqualTo(429);
        // first failure at 12:00, now 12:05: allowed again at 12:15
        assertThat(right.headers().firstValue("Retry-After")).hasValue("600");
        assertThat(json(right).get("detail").asString()).contains("Try again in 10 minutes.");
        assertThat(signIn(TestUsers.TEACHER, TestUsers.PASSWORD).statusCode())
                .as("another email is not locked")
                .isEqualTo(200);

        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD).statusCode()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            signIn(TestUsers.ADMIN, "wrong");
        }
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD).statusCode()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            assertThat(signIn(TestUsers.ADMIN, "wrong").statusCode()).isEqualTo(401);
        }
        assertThat(signIn(TestUsers.ADMIN, TestUsers.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void neitherPasswordsNorTokensReachTheLog(CapturedOutput output) {
        String token = token(TestUsers.ADMIN);
        signIn(TestUsers.ADMIN, "a-wrong-password-to-look-for");
        http.get(ADMIN_API, "Authorization", bearer(token));

        assertThat(output.getAll())
                .doesNotContain(TestUsers.PASSWORD)
                .doesNotContain("a-wrong-password-to-look-for")
                .doesNotContain(token);
    }

    private HttpResponse<String> signIn(String email, String password) {
        return http.postJson(TOKEN, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private String token(String email) {
        return json(signIn(email, TestUsers.PASSWORD)).get("token").asString();
    }

    private static JsonNode decode(String token, int part) {
        return tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[part]), StandardCharsets.UTF_8));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
