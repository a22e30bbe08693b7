package com.guitarstudio.lessons.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * The first comment of V1__create_studio_schema.sql was reworded after V1 had been released; its
 * statements are unchanged. Flyway checksums the whole file, comments included, so a database
 * migrated with the released wording would fail validation. Before Flyway validates, this records
 * the new checksum for V1 in {@code flyway_schema_history}, but only when the recorded one is
 * exactly the released file's: any other difference still stops the start.
 */
@Component
class ReleasedMigrationChecksums implements Callback {

    /** V1 as released, and V1 now. */
    static final int V1_RELEASED = -1942915100;

    static final int V1_CURRENT = 914518317;

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        String table = context.getConfiguration().getTable();
        try {
            if (!exists(connection, table)) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update " + table + " set checksum = ? where version = '1' and checksum = ?")) {
                update.setInt(1, V1_CURRENT);
                update.setInt(2, V1_RELEASED);
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not update the checksum of V1 in " + table, e);
        }
    }

    @Override
    public String getCallbackName() {
        return "released-migration-checksums";
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select to_regclass(?) is not null")) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
