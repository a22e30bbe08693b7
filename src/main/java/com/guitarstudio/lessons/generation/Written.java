package com.guitarstudio.lessons.generation;

import java.util.ArrayList;
import java.util.List;

/**
 * What writing one chunk did: {@code teachers} teachers with {@code slots} slots processed without
 * error, the rows inserted, and one line per teacher that could not be processed.
 */
record Written(int teachers, int slots, LessonWriter.Inserted inserted, List<String> errors) {

    Written {
        errors = List.copyOf(errors);
    }

    Written plus(Written other) {
        List<String> all = new ArrayList<>(errors);
        all.addAll(other.errors());
        return new Written(
                teachers + other.teachers(),
                slots + other.slots(),
                new LessonWriter.Inserted(
                        inserted.lessons() + other.inserted().lessons(),
                        inserted.closed() + other.inserted().closed()),
                all);
    }
}
