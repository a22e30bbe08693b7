package com.guitarstudio.lessons.alerts;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the admin page shows about alerts: where they go, and how the latest one went. */
@Service
public class Alerts {

    private final AlertProperties properties;
    private final AlertLog alerts;

    Alerts(AlertProperties properties, AlertLog alerts) {
        this.properties = properties;
        this.alerts = alerts;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** The webhook without the path and query that hold its token, such as {@code https://hooks.slack.com/…}. */
    public String destination() {
        return properties.destination();
    }

    @Transactional(readOnly = true)
    public Optional<LastAlert> last() {
        return alerts.latest();
    }
}
