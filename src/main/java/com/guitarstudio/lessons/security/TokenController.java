package com.guitarstudio.lessons.security;

import com.guitarstudio.lessons.web.InvalidRequest;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/token}: email and password for a bearer token, for API clients and
 * scripts. Same checks and lockout as the login form.
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
    ResponseEntity<TokenResponse> token(@RequestBody TokenRequest request) {
        request.requireComplete();
        TokenService.IssuedToken issued = tokens.issue(logins.authenticate(request.email(), request.password()));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new TokenResponse(issued.token(), "Bearer", issued.expiresAt()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> badCredentials(BadCredentialsException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, LoginService.BAD_CREDENTIALS));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> lockedOut(TooManyLoginAttempts e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
    }

    record TokenRequest(String email, String password) {

        void requireComplete() {
            if (email == null || email.isBlank() || password == null || password.isEmpty()) {
                throw new InvalidRequest("Send a JSON body with \"email\" and \"password\"");
            }
        }

        @Override
        public String toString() {
            return "TokenRequest[email=" + email + ", password=******]";
        }
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt) {}
}
