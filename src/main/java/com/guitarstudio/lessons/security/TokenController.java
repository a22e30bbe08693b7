package com.guitarstudio.lessons.security;

import com.guitarstudio.lessons.web.ControlCharacters;
import com.guitarstudio.lessons.web.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/token}: email and password for a bearer token, for API clients and
 * scripts; {@code POST /api/auth/logout} signs the token presented out. Same checks and lockout as the login form; a failed sign-in (401, or 429 when locked
 * out) is answered by the API's error handler.
 */
@RestController
@Tag(name = "Sign-in")
class TokenController {

    private final LoginService logins;
    private final TokenService tokens;

    TokenController(LoginService logins, TokenService tokens) {
        this.logins = logins;
        this.tokens = tokens;
    }

    @PostMapping("/api/auth/token")
    @Operation(
            operationId = "signIn",
            summary = "A bearer token for an email and password (valid 12 hours)",
            description = "The same checks and lockout as the login form. Send the token as"
                    + " `Authorization: Bearer <token>`.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "The token and when it expires")
    @ApiResponse(
            responseCode = "400",
            description = "The body is not JSON with an email and a password",
            content = @Content)
    @ApiResponse(
            responseCode = "401",
            description = "The email and password do not match an account",
            content = @Content)
    @ApiResponse(
            responseCode = "429",
            description = "Too many failed attempts: try again after Retry-After seconds",
            headers =
                    @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")),
            content = @Content)
    ResponseEntity<TokenResponse> token(
            @RequestBody TokenRequest request, @Parameter(hidden = true) HttpServletRequest http) {
        request.requireComplete();
        TokenService.IssuedToken issued =
                tokens.issue(logins.authenticate(request.email(), request.password(), http.getRemoteAddr()));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new TokenResponse(issued.token(), "Bearer", issued.expiresAt()));
    }

    @PostMapping(LOGOUT)
    @Operation(
            operationId = "signOut",
            summary = "Sign the token presented out, on every instance, until it would have expired",
            description = "Only this token: others of the same user keep working.")
    @ApiResponse(responseCode = "204", description = "Signed out: the token no longer works")
    ResponseEntity<Void> logout(@Parameter(hidden = true) HttpServletRequest http) {
        BearerToken.from(http).ifPresent(tokens::revoke);
        return ResponseEntity.noContent().build();
    }

    static final String LOGOUT = "/api/auth/logout";

    record TokenRequest(
            @Schema(example = "admin@demo.studio", requiredMode = Schema.RequiredMode.REQUIRED)
            String email,

            @Schema(format = "password", requiredMode = Schema.RequiredMode.REQUIRED)
            String password) {

        void requireComplete() {
            if (email == null || email.isBlank() || password == null || password.isEmpty()) {
                throw new InvalidRequest("Send a JSON body with \"email\" and \"password\"");
            }
            if (ControlCharacters.in(email) || ControlCharacters.in(password)) {
                throw new InvalidRequest("\"email\" and \"password\" may not hold control characters (such as NUL)");
            }
        }

        @Override
        public String toString() {
            return "TokenRequest[email=" + email + ", password=******]";
        }
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt) {}
}
