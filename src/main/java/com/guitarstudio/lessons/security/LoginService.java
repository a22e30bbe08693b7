package com.guitarstudio.lessons.security;

import com.guitarstudio.lessons.web.ClientAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks an email and password, for the login form and the token endpoint alike: the lockout of
 * {@link LoginThrottle} first (per email and client address), then the bcrypt hash. An unknown email costs the same bcrypt check
 * as a wrong password, so response times do not tell which emails exist.
 */
@Service
class LoginService {

    static final String BAD_CREDENTIALS = "Invalid email or password";

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final PasswordEncoder passwordEncoder;
    private final MessageSourceAccessor messages;
    private final String unknownUserHash;

    LoginService(
            Accounts accounts,
            LoginThrottle throttle,
            PasswordEncoder passwordEncoder,
            MessageSourceAccessor messages) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.passwordEncoder = passwordEncoder;
        this.messages = messages;
        this.unknownUserHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /**
     * @param clientAddress the caller's address ({@code getRemoteAddr()}, which a trusted proxy's
     *     X-Forwarded-For sets)
     * @throws TooManyLoginAttempts when this email is locked out for this address
     * @throws BadCredentialsException when the email is unknown, has no password, or the password is wrong
     */
    SignedInUser authenticate(String email, String password, String clientAddress) {
        // an IPv6 client counts by its /64: it can choose any address in it
        String client = ClientAddress.throttleKey(clientAddress);
        LoginThrottle.Admission admission = throttle.admit(email, client);
        if (!admission.admitted()) {
            Duration wait = admission.retryAfter();
            throw new TooManyLoginAttempts(
                    wait, messages.getMessage("login.locked", new Object[] {TooManyLoginAttempts.minutes(wait)}));
        }
        Optional<Account> account = accounts.findByEmail(email);
        String hash = account.map(Account::passwordHash).orElse(null);
        boolean matches = passwordEncoder.matches(password, hash == null ? unknownUserHash : hash) && hash != null;
        if (!matches) {
            // the admitted attempt stays recorded: it was a failure
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        throttle.succeeded(email, client);
        return account.get().signedIn();
    }
}
