package com.guitarstudio.lessons.config;

import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The database already has tables but no Flyway history: most likely the studio's main app created
 * the shared tables before this service first started. Says so, and how to adopt them, instead of
 * a page of Flyway stack trace.
 */
class ExistingSchemaFailureAnalyzer extends AbstractFailureAnalyzer<FlywayException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FlywayException cause) {
        String message = String.valueOf(cause.getMessage());
        if (!message.contains("no schema history table")) {
            return null;
        }
        return new FailureAnalysis(
                "The database already has tables (created by another program, such as the studio's main app) but"
                        + " no record of this service's migrations (flyway_schema_history).",
                "If those tables are the studio schema of this service's first migration (V1__create_studio_schema.sql), start once with"
                        + " SPRING_FLYWAY_BASELINE_ON_MIGRATE=true and SPRING_FLYWAY_BASELINE_VERSION=1: V1 is then taken"
                        + " as applied and the later migrations run. Hibernate's validation reports any column that"
                        + " differs. Otherwise point DATABASE_URL at the right database.",
                cause);
    }
}
