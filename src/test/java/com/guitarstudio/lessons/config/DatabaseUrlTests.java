package com.guitarstudio.lessons.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # DATABASE_URL                                                              | JDBC URL                                                            | user     | password
            jdbc:postgresql://localhost:5432/studio                                     | jdbc:postgresql://localhost:5432/studio                             | -        | -
            jdbc:postgresql://localhost/studio?user=app&password=s3cret&sslmode=require | jdbc:postgresql://localhost/studio?sslmode=require                  | app      | s3cret
            JDBC:POSTGRESQL://db:5433/studio?ssl=true                                   | jdbc:postgresql://db:5433/studio?ssl=true                           | -        | -
            postgres://app:s3cret@db.example.com:6543/studio?sslmode=require            | jdbc:postgresql://db.example.com:6543/studio?sslmode=require        | app      | s3cret
            postgresql://app:s3cret@db.example.com/studio                               | jdbc:postgresql://db.example.com/studio                             | app      | s3cret
            postgres://app@localhost/studio                                             | jdbc:postgresql://localhost/studio                                  | app      | -
            postgres://localhost:5432/studio                                            | jdbc:postgresql://localhost:5432/studio                             | -        | -
            postgres://app:p%40ss%2Fw%3Ard%25@localhost:5432/studio                     | jdbc:postgresql://localhost:5432/studio                             | app      | p@ss/w:rd%
            postgres://app:p@ss/word@localhost:5432/studio                              | jdbc:postgresql://localhost:5432/studio                             | app      | p@ss/word
            postgres://app:a+b@localhost/studio                                         | jdbc:postgresql://localhost/studio                                  | app      | a+b
            postgres://us%40er:pw@localhost/my%20studio                                 | jdbc:postgresql://localhost/my%20studio                             | us@er    | pw
            postgres://app:pw@[::1]:5432/studio                                         | jdbc:postgresql://[::1]:5432/studio                                 | app      | pw
            postgres://app:pw@primary:5432,replica:5432/studio?targetServerType=primary | jdbc:postgresql://primary:5432,replica:5432/studio?targetServerType=primary | app | pw
            postgres://app:pw@localhost/studio?sslmode=require&application_name=lessons | jdbc:postgresql://localhost/studio?sslmode=require&application_name=lessons | app | pw
            jdbc:postgresql://localhost:1/studio?&ssl=true&                             | jdbc:postgresql://localhost:1/studio?ssl=true                       | -        | -
            postgres://localhost:65535/studio?&                                         | jdbc:postgresql://localhost:65535/studio                            | -        | -
            postgres://app:pw@[::1]/studio                                              | jdbc:postgresql://[::1]/studio                                      | app      | pw
            postgres://@localhost/studio                                                | jdbc:postgresql://localhost/studio                                  | -        | -
            postgres://:pw@localhost/studio                                             | jdbc:postgresql://localhost/studio                                  | -        | pw
            postgres://app:@localhost/studio                                            | jdbc:postgresql://localhost/studio                                  | app      | ''
            jdbc:postgresql://localhost/studio?user=&password                           | jdbc:postgresql://localhost/studio                                  | ''       | ''
            """)
    void readsBothForms(String url, String jdbcUrl, String username, String password) {
        DatabaseConnection connection = DatabaseUrl.parse("DATABASE_URL", url, null, null);

        assertThat(connection).isEqualTo(new DatabaseConnection(jdbcUrl, username, password));
    }

    @Test
    void usernameAndPasswordVariablesOverrideTheUrl() {
        Map<String, String> environment = new HashMap<>();
        environment.put("DATABASE_URL", "postgres://app:old@localhost/studio");
        environment.put("DATABASE_USERNAME", "operator");
        environment.put("DATABASE_PASSWORD", "n3w@pass/word");

        assertThat(DatabaseUrl.fromEnvironment(environment))
                .isEqualTo(new DatabaseConnection("jdbc:postgresql://localhost/studio", "operator", "n3w@pass/word"));
    }

    @Test
    void overridesAlsoWinOverJdbcUrlOptions() {
        Map<String, String> environment = Map.of(
                "DATABASE_URL", "jdbc:postgresql://localhost/studio?user=app&password=old",
                "DATABASE_PASSWORD", "new");

        assertThat(DatabaseUrl.fromEnvironment(environment))
                .isEqualTo(new DatabaseConnection("jdbc:postgresql://localhost/studio", "app", "new"));
    }

    @Test
    void missingUrlNamesTheVariableAndShowsAnExample() {
        assertThatThrownBy(() -> DatabaseUrl.fromEnvironment(Map.of()))
                .isInstanceOf(InvalidEnvironment.class)
                .hasMessageStartingWith("DATABASE_URL is not set")
                .hasMessageContaining("postgres://user:password@db.example.com:5432/studio");
        assertThatThrownBy(() -> DatabaseUrl.fromEnvironment(Map.of("DATABASE_URL", "  ")))
                .hasMessageStartingWith("DATABASE_URL is not set");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            mysql://app:secret@localhost/studio             | it must start with postgres://, postgresql:// or jdbc:postgresql://
            localhost:5432/studio                           | it must start with postgres://, postgresql:// or jdbc:postgresql://
            postgres://app:secret@localhost:54x2/studio     | the port '54x2' is not a number from 1 to 65535
            postgres://app:secret@localhost:70000/studio    | the port '70000' is not a number from 1 to 65535
            postgres://app:secret@localhost:65536/studio    | the port '65536' is not a number from 1 to 65535
            postgres://app:secret@localhost:0/studio        | the port '0' is not a number from 1 to 65535
            postgres://app:secret@localhost:/studio         | the port '' is not a number from 1 to 65535
            postgres://app:secret@:5432/studio              | '' is not a host name
            postgres://?sslmode=require                     | it names no host
            jdbc:postgresql://?user=app                     | it names no host
            jdbc:postgresql:///studio                       | it names no host
            postgres://app:secret@localhost/stu/dio         | the database name cannot contain '/'
            postgres://app:secret@localhost:5432            | it names no database
            postgres://app:secret@localhost:5432/           | it names no database
            postgres://app:secret@/studio                   | it names no host
            postgres://app:100%sure@localhost/studio        | it has a '%' that does not start an escape
            postgres://app:secret@local host/studio         | 'local host' is not a host name
            jdbc:postgresql://app:secret@localhost/studio   | a jdbc:postgresql:// URL takes the user and password as ?user=…&password=… options
            """)
    void brokenUrlSaysWhatIsWrongWithoutRepeatingIt(String url, String problem) {
        assertThatThrownBy(() -> DatabaseUrl.parse("DATABASE_URL", url, null, null))
                .isInstanceOf(InvalidEnvironment.class)
                .hasMessageStartingWith("DATABASE_URL is not a valid PostgreSQL URL: " + problem)
                .hasMessageContaining("for example postgres://")
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("100%sure")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anotherDatabaseOnTheSameServerKeepsOptionsAndCredentials() {
        DatabaseConnection connection = DatabaseUrl.parse(
                "TEST_DATABASE_URL", "postgres://app:pw@db:5432/postgres?sslmode=require", null, null);

        assertThat(connection.withDatabase("lessons_test_1"))
                .isEqualTo(new DatabaseConnection(
                        "jdbc:postgresql://db:5432/lessons_test_1?sslmode=require", "app", "pw"));
    }

    @Test
    void neverPrintsThePassword() {
        DatabaseConnection connection = new DatabaseConnection("jdbc:postgresql://db/studio", "app", "s3cret");

        assertThat(connection.toString()).doesNotContain("s3cret").contains("app");
    }

    @Test
    void becomesSpringDatasourceProperties() {
        assertThat(new DatabaseConnection("jdbc:postgresql://db/studio", "app", "pw").asDataSourceProperties())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "spring.datasource.url", "jdbc:postgresql://db/studio",
                        "spring.datasource.username", "app",
                        "spring.datasource.password", "pw"));
    }
}
