package com.guitarstudio.lessons.lessons;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Columns of rows as SQL array parameters: the statements of this module send a chunk's rows as one
 * array per column and {@code unnest} them. Every value goes as its text form (ISO-8601 for dates and
 * instants), which PostgreSQL parses exactly once the statement casts the array; no JVM time zone is
 * involved.
 */
final class SqlArrays {

    private SqlArrays() {}

    static <T> String[] column(List<T> rows, Function<T, ?> value) {
        String[] column = new String[rows.size()];
        for (int i = 0; i < column.length; i++) {
            Object cell = value.apply(rows.get(i));
            column[i] = cell == null ? null : cell.toString();
        }
        return column;
    }

    static <T> Integer[] ints(List<T> rows, ToIntFunction<T> value) {
        Integer[] column = new Integer[rows.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = value.applyAsInt(rows.get(i));
        }
        return column;
    }
}
