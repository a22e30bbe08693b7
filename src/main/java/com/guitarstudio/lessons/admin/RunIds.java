package com.guitarstudio.lessons.admin;

import com.guitarstudio.lessons.web.InvalidRequest;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A run's id as it comes in a URL: a UUID, or no run at all. */
final class RunIds {

    private RunIds() {}

    static Optional<UUID> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(
                HttpStatus.NOT_FOUND, "There is no run with id '" + InvalidRequest.shown(id) + "'");
    }
}
