package com.guitarstudio.lessons.lessons;

import com.guitarstudio.lessons.studio.TimeZones;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A closure's dates as instants, zone by zone. A lesson's local date is worked out by {@code
 * java.time}, like the occurrence dates of generation: for each zone among the candidate lessons, the
 * closure's dates become the instants from the first day's midnight to the midnight after the last day
 * in that zone, and SQL compares {@code start_at} with those. A lesson whose zone id Java does not
 * know is left alone.
 */
@Component
class ClosureZones {

    /** Candidate lessons lie within this many days of the range in UTC, whatever their zone. */
    private static final int ZONE_MARGIN_DAYS = 2;

    private final JdbcClient jdbc;

    ClosureZones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For each zone among the lessons the closure could close (SCHEDULED, not past, within a margin
     * of the range in UTC), the closure's range as instants of that zone.
     */
    ZoneRanges of(Closure closure, Instant now) {
        Instant lower = closure.startsOn()
                .minusDays(ZONE_MARGIN_DAYS)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant upper = closure.endsOn()
                .plusDays(1 + ZONE_MARGIN_DAYS)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        if (!upper.isAfter(now)) {
            return ZoneRanges.NONE;
        }
        List<String> zoneIds = jdbc.sql("""
                        select distinct l.timezone from lesson l
                        where l.status = 'SCHEDULED' and l.start_at >= :lower and l.start_at < :upper
                          and l.start_at >= :now
                          and (cast(:teacher as uuid) is null or l.teacher_id = cast(:teacher as uuid))
                        """)
                .param("lower", Timestamp.from(lower))
                .param("upper", Timestamp.from(upper))
                .param("now", Timestamp.from(now))
                .param("teacher", uuid(closure.teacherId()))
                .query(String.class)
                .list();
        List<String> zones = new ArrayList<>();
        List<String> froms = new ArrayList<>();
        List<String> tos = new ArrayList<>();
        for (String zoneId : zoneIds) {
            ZoneRange.of(zoneId, closure.startsOn(), closure.endsOn()).ifPresent(range -> {
                zones.add(range.zone());
                froms.add(range.from().toString());
                tos.add(range.to().toString());
            });
        }
        return new ZoneRanges(zones.toArray(String[]::new), froms.toArray(String[]::new), tos.toArray(String[]::new));
    }

    /**
     * The other closures a deleted closure's lessons (in {@code zoneIds}) may go to: those that overlap
     * it and apply to its teachers, one row per closure and zone, in order of precedence.
     */
    Handover handover(Closure deleted, List<String> zoneIds) {
        List<Closure> others = jdbc.sql("""
                        select id, teacher_id, starts_on, ends_on from studio_closure
                        where id <> :closure and ends_on >= :startsOn and starts_on <= :endsOn
                          and (cast(:teacher as uuid) is null or teacher_id is null
                               or teacher_id = cast(:teacher as uuid))
                        order by starts_on, id
                        """)
                .param("closure", deleted.id())
                .param("startsOn", deleted.startsOn())
                .param("endsOn", deleted.endsOn())
                .param("teacher", uuid(deleted.teacherId()))
                .query(Closure.class)
                .list();
        return Handover.of(others, zoneIds);
    }

    /**
     * The other closures a deleted closure's lessons may go to, one row per closure and zone, in
     * order of precedence, with the closure's range as instants of that zone.
     */
    record Handover(String[] closures, String[] teachers, String[] zones, String[] froms, String[] tos) {

        static Handover of(List<Closure> others, List<String> zoneIds) {
            List<String[]> rows = new ArrayList<>();
            others.stream().sorted(Closure.PRECEDENCE).forEach(closure -> {
                for (String zoneId : zoneIds) {
                    ZoneRange.of(zoneId, closure.startsOn(), closure.endsOn())
                            .ifPresent(range -> rows.add(new String[] {
                                closure.id().toString(),
                                closure.teacherId() == null
                                        ? null
                                        : closure.teacherId().toString(),
                                range.zone(),
                                range.from().toString(),
                                range.to().toString()
                            }));
                }
            });
            return new Handover(column(rows, 0), column(rows, 1), column(rows, 2), column(rows, 3), column(rows, 4));
        }

        private static String[] column(List<String[]> rows, int index) {
            return rows.stream().map(row -> row[index]).toArray(String[]::new);
        }
    }

    record ZoneRanges(String[] zones, String[] froms, String[] tos) {

        static final ZoneRanges NONE = new ZoneRanges(new String[0], new String[0], new String[0]);

        boolean isEmpty() {
            return zones.length == 0;
        }

        Map<String, Object> parameters(Closure closure, Instant now) {
            return Map.of(
                    "zones", zones,
                    "froms", froms,
                    "tos", tos,
                    "now", Timestamp.from(now),
                    "teacher", uuid(closure.teacherId()));
        }
    }

    /**
     * The local dates {@code first..last} of one zone as instants: from the first day's start
     * (midnight, or the end of a gap at midnight) to the start of the day after the last. Empty for a
     * zone id Java does not know.
     */
    record ZoneRange(String zone, Instant from, Instant to) {

        static Optional<ZoneRange> of(String zoneId, LocalDate first, LocalDate last) {
            return TimeZones.parse(zoneId)
                    .map(zone -> new ZoneRange(
                            zoneId,
                            first.atStartOfDay(zone).toInstant(),
                            last.plusDays(1).atStartOfDay(zone).toInstant()));
        }
    }

    static SqlParameterValue uuid(UUID id) {
        return new SqlParameterValue(Types.VARCHAR, id == null ? null : id.toString());
    }
}
