package com.guitarstudio.lessons;

import com.guitarstudio.lessons.config.DatabaseConnection;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The one database configuration of every integration test and of the dev launcher. It hands
 * {@link TestDatabase}'s fresh database to Spring Boot as {@link JdbcConnectionDetails}, the same
 * contract {@code @ServiceConnection} fulfils for a container; one bean covers all three sources
 * (TEST_DATABASE_URL, Testcontainers, embedded) so no test depends on which one was found.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    @Bean
    JdbcConnectionDetails testDatabaseConnectionDetails() {
        DatabaseConnection database = TestDatabase.connection();
        return new JdbcConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }

            @Override
            public String getUsername() {
                return database.username();
            }

            @Override
            public String getPassword() {
                return database.password();
            }
        };
    }
}
