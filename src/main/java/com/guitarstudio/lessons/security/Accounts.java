package com.guitarstudio.lessons.security;

import com.guitarstudio.lessons.studio.Role;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Users as sign-in needs them, read from {@code app_user} and {@code teacher_profile}. */
@Component
class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String ACCOUNT = """
            select u.id, u.email, u.name, u.role, u.password_hash, coalesce(t.is_admin, false) as is_admin
            from app_user u left join teacher_profile t on t.user_id = u.id
            """;

    /** Emails match regardless of case, like the unique index on {@code lower(email)}. */
    Optional<Account> findByEmail(String email) {
        return find("where lower(u.email) = lower(:key)", email);
    }

    /** The user as the database has them now: a token's user may have been deleted or demoted since. */
    Optional<Account> findById(UUID id) {
        return find("where u.id = :key", id);
    }

    private Optional<Account> find(String where, Object key) {
        return jdbc.sql(ACCOUNT + where)
                .param("key", key)
                .query((rs, n) -> {
                    Role role = Role.valueOf(rs.getString("role"));
                    return new Account(
                            rs.getObject("id", UUID.class),
                            rs.getString("email"),
                            rs.getString("name"),
                            role,
                            rs.getString("password_hash"),
                            role == Role.ADMIN || (role == Role.TEACHER && rs.getBoolean("is_admin")));
                })
                .optional();
    }

    /** Creates an ADMIN user unless a user with that email exists; true when created. */
    boolean createAdminIfAbsent(String email, String name, String passwordHash) {
        return jdbc.sql("""
                        insert into app_user (email, name, role, password_hash) values (:email, :name, 'ADMIN', :hash)
                        on conflict ((lower(email))) do nothing
                        """)
                        .param("email", email)
                        .param("name", name)
                        .param("hash", passwordHash)
                        .update()
                == 1;
    }
}
