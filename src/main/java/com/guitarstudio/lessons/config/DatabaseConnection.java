package com.guitarstudio.lessons.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the application's database is: a JDBC URL without credentials, and the credentials apart,
 * so that an override of either never has to edit the URL.
 */
public record DatabaseConnection(String jdbcUrl, String username, String password) {

    private static final String PREFIX = "jdbc:postgresql://";

    /** The same server and credentials, another database on it. */
    public DatabaseConnection withDatabase(String database) {
        int pathStart = jdbcUrl.indexOf('/', PREFIX.length());
        int queryStart = jdbcUrl.indexOf('?', pathStart);
        String query = queryStart < 0 ? "" : jdbcUrl.substring(queryStart);
        return new DatabaseConnection(
                jdbcUrl.substring(0, pathStart + 1) + DatabaseUrl.encode(database) + query, username, password);
    }

    /** Spring's datasource properties for this connection. */
    public Map<String, Object> asDataSourceProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        if (username != null) {
            properties.put("spring.datasource.username", username);
        }
        if (password != null) {
            properties.put("spring.datasource.password", password);
        }
        return properties;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseConnection[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password="
                + (password == null ? "none" : "******") + "]";
    }
}
