package com.guitarstudio.lessons.config;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the database location from the environment. Two forms are accepted:
 *
 * <ul>
 *   <li>{@code jdbc:postgresql://host:port/db?options} (user and password may be query options);
 *   <li>{@code postgres://user:password@host:port/db?options} or {@code postgresql://…}, the form
 *       that hosting providers hand out. User and password are percent-decoded; an unencoded
 *       {@code @} or {@code /} in the password is tolerated because the user information ends at
 *       the last {@code @}.
 * </ul>
 *
 * <p>{@code DATABASE_USERNAME} and {@code DATABASE_PASSWORD} override the credentials of either
 * form. The result always keeps credentials out of the JDBC URL so an override cannot be shadowed
 * by a {@code user=} option, which the PostgreSQL driver would otherwise prefer.
 */
public final class DatabaseUrl {

    public static final String URL_VARIABLE = "DATABASE_URL";
    public static final String USERNAME_VARIABLE = "DATABASE_USERNAME";
    public static final String PASSWORD_VARIABLE = "DATABASE_PASSWORD";

    static final String EXAMPLES = "for example postgres://user:password@db.example.com:5432/studio?sslmode=require"
            + " or jdbc:postgresql://localhost:5432/studio";

    private static final String JDBC_PREFIX = "jdbc:postgresql://";
    private static final List<String> URI_PREFIXES = List.of("postgres://", "postgresql://");
    private static final Pattern HOST = Pattern.compile("\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+");

    private DatabaseUrl() {}

    /** The application's database: {@code DATABASE_URL} with the optional overrides. */
    public static DatabaseConnection fromEnvironment(Map<String, String> environment) {
        return parse(
                URL_VARIABLE,
                environment.get(URL_VARIABLE),
                blankToNull(environment.get(USERNAME_VARIABLE)),
                blankToNull(environment.get(PASSWORD_VARIABLE)));
    }

    /**
     * Parses {@code url}, which came from the variable {@code variable} (named in error messages).
     * A non-null {@code username} or {@code password} replaces the one in the URL.
     */
    public static DatabaseConnection parse(String variable, String url, String username, String password) {
        if (url == null || url.isBlank()) {
            throw InvalidEnvironment.missing(variable, "set it to the PostgreSQL database to use, " + EXAMPLES);
        }
        String trimmed = url.trim();
        Parts parts;
        if (trimmed.regionMatches(true, 0, JDBC_PREFIX, 0, JDBC_PREFIX.length())) {
            parts = parseJdbc(variable, trimmed.substring(JDBC_PREFIX.length()));
        } else {
            String prefix = URI_PREFIXES.stream()
                    .filter(p -> trimmed.regionMatches(true, 0, p, 0, p.length()))
                    .findFirst()
                    .orElseThrow(() ->
                            invalid(variable, "it must start with postgres://, postgresql:// or jdbc:postgresql://"));
            parts = parseUri(variable, trimmed.substring(prefix.length()));
        }
        return new DatabaseConnection(
                JDBC_PREFIX + parts.hosts() + "/" + encode(parts.database()) + query(parts.options()),
                username != null ? username : parts.username(),
                password != null ? password : parts.password());
    }

    private static Parts parseJdbc(String variable, String rest) {
        int queryStart = rest.indexOf('?');
        String location = queryStart < 0 ? rest : rest.substring(0, queryStart);
        List<String> options = new ArrayList<>();
        String user = null;
        String password = null;
        if (queryStart >= 0) {
            for (String option : rest.substring(queryStart + 1).split("&")) {
                if (option.isEmpty()) {
                    continue;
                }
                String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
                String value = option.contains("=") ? decode(variable, option.substring(option.indexOf('=') + 1)) : "";
                switch (name) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    default -> options.add(option);
                }
            }
        }
        if (location.contains("@")) {
            throw invalid(
                    variable, "a jdbc:postgresql:// URL takes the user and password as ?user=…&password=… options");
        }
        HostsAndDatabase parsed = hostsAndDatabase(variable, location);
        return new Parts(parsed.hosts(), parsed.database(), options, user, password);
    }

    private static Parts parseUri(String variable, String rest) {
        int at = rest.lastIndexOf('@');
        String userInfo = at < 0 ? null : rest.substring(0, at);
        String afterUserInfo = at < 0 ? rest : rest.substring(at + 1);
        int queryStart = afterUserInfo.indexOf('?');
        String location = queryStart < 0 ? afterUserInfo : afterUserInfo.substring(0, queryStart);
        List<String> options = new ArrayList<>();
        if (queryStart >= 0) {
            for (String option : afterUserInfo.substring(queryStart + 1).split("&")) {
                if (!option.isEmpty()) {
                    options.add(option);
                }
            }
        }
        String user = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(variable, colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(variable, userInfo.substring(colon + 1));
            if (user.isEmpty()) {
                user = null;
            }
        }
        HostsAndDatabase parsed = hostsAndDatabase(variable, location);
        return new Parts(parsed.hosts(), parsed.database(), options, user, password);
    }

    /** {@code host[:port][,host[:port]…]/database}; several hosts are passed on as the driver takes them. */
    private static HostsAndDatabase hostsAndDatabase(String variable, String location) {
        int slash = location.indexOf('/');
        String hosts = slash < 0 ? location : location.substring(0, slash);
        String database = slash < 0 ? "" : decode(variable, location.substring(slash + 1));
        if (hosts.isEmpty()) {
            throw invalid(variable, "it names no host");
        }
        for (String hostAndPort : hosts.split(",", -1)) {
            checkHostAndPort(variable, hostAndPort);
        }
        if (database.isEmpty()) {
            throw invalid(variable, "it names no database after the host (…:5432/studio)");
        }
        if (database.contains("/")) {
            throw invalid(variable, "the database name cannot contain '/'");
        }
        return new HostsAndDatabase(hosts, database);
    }

    private static void checkHostAndPort(String variable, String hostAndPort) {
        int portSeparator = hostAndPort.startsWith("[")
                ? hostAndPort.indexOf(':', hostAndPort.indexOf(']'))
                : hostAndPort.lastIndexOf(':');
        String host = portSeparator < 0 ? hostAndPort : hostAndPort.substring(0, portSeparator);
        if (!HOST.matcher(host).matches()) {
            throw invalid(variable, "'" + host + "' is not a host name");
        }
        if (portSeparator >= 0) {
            String port = hostAndPort.substring(portSeparator + 1);
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw invalid(variable, "the port '" + port + "' is not a number from 1 to 65535");
            }
        }
    }

    private static InvalidEnvironment invalid(String variable, String problem) {
        return InvalidEnvironment.invalid(variable, "is not a valid PostgreSQL URL: " + problem + "; " + EXAMPLES);
    }

    private static String query(List<String> options) {
        return options.isEmpty() ? "" : "?" + String.join("&", options);
    }

    private static String decode(String variable, String text) {
        try {
            // URLDecoder would turn '+' into a space, which is wrong for the path and user information
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(variable, "it has a '%' that does not start an escape; write a literal '%' as %25");
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private record HostsAndDatabase(String hosts, String database) {}

    private record Parts(String hosts, String database, List<String> options, String username, String password) {}
}
