package com.guitarstudio.lessons.security;

import com.guitarstudio.lessons.config.InvalidEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * With ADMIN_EMAIL and ADMIN_PASSWORD set, creates that ADMIN user at startup when no user has the
 * email. An existing user is never changed (not even their password), so the variables can stay
 * set across restarts. Several instances starting at once create one user: the insert is a no-op
 * on conflict with the unique email.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final int MINIMUM_PASSWORD_LENGTH = 12;
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AdminProperties properties;
    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;

    AdminBootstrap(AdminProperties properties, Accounts accounts, PasswordEncoder passwordEncoder) {
        this.properties = properties;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String email = blankToNull(properties.email());
        String password = blankToNull(properties.password());
        if (email == null && password == null) {
            return;
        }
        if (email == null || password == null) {
            log.warn("Set both ADMIN_EMAIL and ADMIN_PASSWORD to create an admin at startup; no admin was created");
            return;
        }
        if (accounts.findByEmail(email).isPresent()) {
            log.info("A user with ADMIN_EMAIL {} exists; left unchanged", email);
            return;
        }
        if (password.length() < MINIMUM_PASSWORD_LENGTH) {
            throw InvalidEnvironment.invalid(
                    "ADMIN_PASSWORD",
                    "must be at least " + MINIMUM_PASSWORD_LENGTH + " characters long to create the admin " + email);
        }
        if (accounts.createAdminIfAbsent(email.trim(), "Administrator", passwordEncoder.encode(password))) {
            log.info("Created the admin {} from ADMIN_EMAIL", email);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
