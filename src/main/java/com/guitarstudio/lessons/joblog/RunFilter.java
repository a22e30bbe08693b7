package com.guitarstudio.lessons.joblog;

import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/**
 * Which runs of the history to show: of one status, of one trigger, started from {@code from}
 * (inclusive) until {@code to} (exclusive); each part may be null, meaning any.
 */
public record RunFilter(JobStatus status, JobTrigger trigger, Instant from, Instant to) {

    public static final RunFilter ALL = new RunFilter(null, null, null, null);

    Specification<JobLog> of(String jobName) {
        return (run, query, where) -> {
            List<Predicate> matches = new ArrayList<>();
            matches.add(where.equal(run.get("jobName"), jobName));
            if (status != null) {
                matches.add(where.equal(run.get("status"), status));
            }
            if (trigger != null) {
                matches.add(where.equal(run.get("trigger"), trigger));
            }
            if (from != null) {
                matches.add(where.greaterThanOrEqualTo(run.get("executedAt"), from));
            }
            if (to != null) {
                matches.add(where.lessThan(run.get("executedAt"), to));
            }
            return where.and(matches.toArray(Predicate[]::new));
        };
    }
}
