package com.guitarstudio.lessons.alerts;

import java.util.List;
import java.util.UUID;

/**
 * One alert to post.
 *
 * @param key identifies the event across instances: the first instance to record it sends it
 * @param text the line a person reads in Slack, Mattermost or Teams
 * @param jobLogId the run it is about, if any
 * @param status that run's status, if any
 * @param dashboardUrl where to look
 */
record Alert(
        AlertEvent event,
        String key,
        String text,
        UUID jobLogId,
        String status,
        List<String> errors,
        String dashboardUrl) {

    Alert {
        errors = List.copyOf(errors);
    }

    /** The webhook's JSON body. */
    Payload payload() {
        return new Payload(text, event, jobLogId, status, errors, dashboardUrl);
    }

    record Payload(
            String text, AlertEvent event, UUID jobLogId, String status, List<String> errors, String dashboardUrl) {}
}
