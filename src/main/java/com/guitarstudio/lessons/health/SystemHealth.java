package com.guitarstudio.lessons.health;

import java.util.List;

/**
 * What stops lessons from being generated, if anything: the {@code systemHealth} of the admin API.
 *
 * @param isHealthy no issues
 * @param issues one sentence per problem found, with its count
 * @param suggestions what to do about each issue, in the same order
 * @param indicators the studio at a glance
 */
public record SystemHealth(boolean isHealthy, List<String> issues, List<String> suggestions, Indicators indicators) {}
