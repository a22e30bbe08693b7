/**
 * Calendar feeds: a secret link per teacher or student ({@code calendar_feed}) that Google Calendar,
 * Apple Calendar and Outlook subscribe to ({@code GET /calendar/<token>.ics}, RFC 5545 written by
 * ical4j), the admin API and page that create, list and revoke the links, and the per-link request
 * limit that keeps a polling loop off the database. Reads lessons; writes none.
 */
@ApplicationModule(allowedDependencies = {"config", "lessons", "security", "web"})
package com.guitarstudio.lessons.feeds;

import org.springframework.modulith.ApplicationModule;
