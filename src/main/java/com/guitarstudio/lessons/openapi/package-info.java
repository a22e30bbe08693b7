/**
 * The API's machine-readable description: OpenAPI 3.1 at {@code /v3/api-docs} and Swagger UI at
 * {@code /swagger-ui.html}, both for admins. springdoc builds it from the controllers and their
 * annotations; this module adds what every operation shares (who may call it, the problem details
 * it can answer with).
 */
@ApplicationModule(allowedDependencies = {})
package com.guitarstudio.lessons.openapi;

import org.springframework.modulith.ApplicationModule;
