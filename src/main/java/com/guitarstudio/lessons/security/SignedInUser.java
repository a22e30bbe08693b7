package com.guitarstudio.lessons.security;

import com.guitarstudio.lessons.studio.Role;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Who a valid token says the caller is. The name of the principal is the email. */
public record SignedInUser(UUID id, String email, String name, Role role, boolean admin) implements Principal {

    @Override
    public String getName() {
        return email;
    }

    /** {@code ROLE_<role>}, and {@code ROLE_ADMIN} for admins of any role. */
    List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        if (admin && role != Role.ADMIN) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        return authorities;
    }
}
