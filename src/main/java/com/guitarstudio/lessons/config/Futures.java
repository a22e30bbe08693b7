package com.guitarstudio.lessons.config;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work started on another thread. */
public final class Futures {

    private Futures() {}

    /**
     * The future's value, or the runtime exception its task ended with, unwrapped: a database failure
     * stays a database failure, so callers can still answer 503.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
