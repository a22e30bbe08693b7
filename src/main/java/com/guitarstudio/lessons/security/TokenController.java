package com.guitarstudio.lessons.security;

import com.guitarstudio.lessons.web.ControlCharacters;
import com.guitarstudio.lessons.web.InvalidRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/token}: email and password for a bearer token, for API clients and
 * scripts. Same checks and lockout as the login form; a failed sign-in (401, or 429 when locked
 * out) is answered by the API's error handler.
 */
@RestController
class TokenController {

    private final LoginService logins;
    private final TokenService tokens;

    TokenController(LoginService logins, TokenService tokens) {
        this.logins = logins;
        this.tokens = tokens;
    }

    @PostMapping("/api/auth/token")
    ResponseEntity<TokenResponse> token(@RequestBody TokenRequest request, HttpServletRequest http) {
        request.requireComplete();
        TokenService.IssuedToken issued =
                tokens.issue(logins.authenticate(request.email(), request.password(), http.getRemoteAddr()));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new TokenResponse(issued.token(), "Bearer", issued.expiresAt()));
    }

    record TokenRequest(String email, String password) {

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
