/**
 * Signing in: passwords, the lockout, JWTs for the API and the page, the admin bootstrap, and the
 * filter chains for signed-in users; plus the small pieces other features use to check a bearer
 * secret ({@link com.guitarstudio.lessons.security.BearerToken}, {@link
 * com.guitarstudio.lessons.security.SharedSecret}, {@link com.guitarstudio.lessons.security.Sha256}).
 */
@ApplicationModule(allowedDependencies = {"config", "studio", "web"})
package com.guitarstudio.lessons.security;

import org.springframework.modulith.ApplicationModule;
