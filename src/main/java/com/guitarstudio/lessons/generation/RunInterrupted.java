package com.guitarstudio.lessons.generation;

/** The service is shutting down: the run stops before its next chunk, leaving every written chunk whole. */
class RunInterrupted extends RuntimeException {

    RunInterrupted() {
        super("interrupted by shutdown");
    }
}
