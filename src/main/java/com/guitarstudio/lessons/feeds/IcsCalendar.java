package com.guitarstudio.lessons.feeds;

import com.guitarstudio.lessons.config.AppProperties;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;

/**
 * Writes a feed as RFC 5545 iCalendar with ical4j, which escapes text and writes each property; lines
 * are folded by {@link ContentLines}.
 * One {@code VEVENT} per lesson: {@code UID} {@code <lesson id>@<APP_BASE_URL host>}, the start in the
 * lesson's own zone ({@code DTSTART;TZID=…}, with a {@code VTIMEZONE} for every zone used),
 * {@code DURATION}, {@code STATUS} ({@code CANCELLED} for cancelled and closed lessons, with why in
 * {@code DESCRIPTION}), {@code SEQUENCE} (the lesson's revision), and {@code DTSTAMP} and {@code
 * LAST-MODIFIED} at its last change.
 *
 * <p>Everything written comes from the database, nothing from the clock, so an unchanged feed is the
 * same bytes on every request and instance: its ETag holds, and calendar apps get 304s. That is why
 * {@code DTSTAMP} is the lesson's last change, which RFC 5545 (3.8.7.2) asks for in a calendar
 * without a {@code METHOD}.
 */
@Component
class IcsCalendar {

    static final String PRODUCT = "-//Guitar Studio//Lesson service//EN";

    /** How often calendar apps that read it (Apple, Outlook) should fetch the feed again. */
    static final Duration REFRESH = Duration.ofHours(1);

    /** The VTIMEZONE definitions ical4j carries (tzurl.org's, from the IANA database), loaded once. */
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    private final String uidHost;
    private final MessageSourceAccessor messages;

    IcsCalendar(AppProperties app, MessageSourceAccessor messages) {
        this.uidHost = URI.create(app.baseUrl()).getHost();
        this.messages = messages;
    }

    /** The feed of {@code subscription}: these lessons, in this order. */
    String write(CalendarFeeds.Subscription subscription, List<FeedLessons.FeedLesson> lessons) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        String title = messages.getMessage("feed.title", new Object[] {subscription.name()});
        calendar.add(new Name(title));
        calendar.add(new XProperty("X-WR-CALNAME", title));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        // Each zone looked up once per feed (lessons share a handful); the zones go first, so a reader
        // meets each VTIMEZONE before the events that name it.
        Map<String, Optional<TimeZone>> zonesOfLessons = new LinkedHashMap<>();
        List<VEvent> events = new ArrayList<>(lessons.size());
        for (FeedLessons.FeedLesson lesson : lessons) {
            Optional<TimeZone> zone = zonesOfLessons.computeIfAbsent(lesson.timezone(), this::zone);
            events.add(event(lesson, zone.map(TimeZone::getID)));
        }
        Set<String> written = new HashSet<>(); // US/Central and America/Chicago: one definition
        for (Optional<TimeZone> zone : zonesOfLessons.values()) {
            if (zone.isPresent() && written.add(zone.get().getID())) {
                calendar.add(zone.get().getVTimeZone());
            }
        }
        events.forEach(calendar::add);
        return ContentLines.fold(calendar.toString());
    }

    /**
     * The start is the lesson's local time, computed here with java.time (the rules the lesson was
     * planned with), and written with its TZID as it is. Given a ZonedDateTime, ical4j 4.2.1 converts it
     * through the rules it derives from the VTIMEZONE, which put the week before a second-Sunday change
     * (America/Chicago, 7 to 14 March 2027) on summer time: an hour off.
     *
     * @param zone the id of the lesson's zone as the VTIMEZONE names it (America/New_York for
     *     US/Eastern, Etc/UTC for UTC); empty for a zone neither Java nor the definitions know (a typo
     *     in the studio app), whose lesson is still given at its instant, in UTC
     */
    private VEvent event(FeedLessons.FeedLesson lesson, Optional<String> zone) {
        VEvent event = new VEvent(false);
        event.add(new Uid(lesson.id() + "@" + uidHost));
        event.add(new DtStamp(lesson.updatedAt()));
        event.add(zone.<DtStart<?>>map(id -> new DtStart<>(
                        new ParameterList(List.of(new TzId(id))),
                        lesson.startAt().atZone(ZoneId.of(id)).toLocalDateTime()))
                .orElseGet(() -> new DtStart<>(lesson.startAt())));
        event.add(new net.fortuna.ical4j.model.property.Duration(Duration.ofMinutes(lesson.durationMinutes())));
        event.add(new Summary(messages.getMessage("feed.summary", new Object[] {lesson.with()})));
        event.add(cancelled(lesson) ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        description(lesson).ifPresent(text -> event.add(new Description(text)));
        event.add(new Sequence(lesson.revision()));
        event.add(new Created(lesson.createdAt()));
        event.add(new LastModified(lesson.updatedAt()));
        return event;
    }

    private static boolean cancelled(FeedLessons.FeedLesson lesson) {
        return "CANCELLED".equals(lesson.status()) || "CLOSED".equals(lesson.status());
    }

    /** Why a lesson does not take place: the closure and its reason, or the slot that changed. */
    private Optional<String> description(FeedLessons.FeedLesson lesson) {
        if ("CLOSED".equals(lesson.status())) {
            return Optional.of(
                    lesson.closureReason() == null
                            ? messages.getMessage("feed.closed")
                            : messages.getMessage(
                                    "feed.closed." + lesson.closureKind(), new Object[] {lesson.closureReason()}));
        }
        if ("CANCELLED".equals(lesson.status())) {
            return Optional.of(messages.getMessage(
                    "SLOT_CHANGED".equals(lesson.cancelReason()) ? "feed.cancelled.slotChanged" : "feed.cancelled"));
        }
        return Optional.empty();
    }

    /** The definition of a zone, when both Java and ical4j know it (under this name or as an alias). */
    private Optional<TimeZone> zone(String id) {
        return known(id)
                ? Optional.ofNullable(zones.getTimeZone(id)).filter(zone -> known(zone.getID()))
                : Optional.empty();
    }

    private static boolean known(String id) {
        try {
            ZoneId.of(id);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
