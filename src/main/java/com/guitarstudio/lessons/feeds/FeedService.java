package com.guitarstudio.lessons.feeds;

import com.guitarstudio.lessons.config.AppProperties;
import com.guitarstudio.lessons.web.InvalidRequest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Service;

/** Creating, listing and revoking feeds, for the admin API and page alike. Tokens are never logged. */
@Service
class FeedService {

    private static final Logger log = LoggerFactory.getLogger(FeedService.class);

    private final CalendarFeeds feeds;
    private final AppProperties app;
    private final MessageSourceAccessor messages;

    FeedService(CalendarFeeds feeds, AppProperties app, MessageSourceAccessor messages) {
        this.feeds = feeds;
        this.app = app;
        this.messages = messages;
    }

    /** A feed just created, with its link: the only time the link exists outside the person's calendar. */
    record NewLink(CalendarFeeds.FeedView feed, String url) {}

    /**
     * A new feed for {@code owner}.
     *
     * @throws InvalidRequest when there is no such teacher or student
     */
    NewLink create(CalendarFeeds.Owner owner, String createdBy) {
        FeedToken token = FeedToken.random();
        CalendarFeeds.FeedView feed = feeds.create(owner, token, createdBy)
                .orElseThrow(() -> new InvalidRequest(
                        owner.kind() == CalendarFeeds.OwnerKind.TEACHER ? "teacherId" : "studentId",
                        messages.getMessage("feed.api.unknown." + owner.kind(), new Object[] {owner.id()})));
        log.info(
                "Calendar feed {} created for {} {} by {}",
                feed.id(),
                owner.kind().name().toLowerCase(Locale.ROOT),
                owner.id(),
                createdBy);
        return new NewLink(feed, app.link("/calendar/" + token.value() + ".ics"));
    }

    List<CalendarFeeds.FeedView> list() {
        return feeds.list();
    }

    /** False when there is no such feed (or it was revoked already). */
    boolean revoke(UUID id) {
        boolean revoked = feeds.revoke(id);
        if (revoked) {
            log.info("Calendar feed {} revoked", id);
        }
        return revoked;
    }

    List<CalendarFeeds.Person> teachers() {
        return feeds.teachers();
    }

    List<CalendarFeeds.Person> students() {
        return feeds.students();
    }
}
