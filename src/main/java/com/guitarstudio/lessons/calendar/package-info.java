/**
 * The studio calendar: closures of the whole studio and teachers' time off ({@code
 * studio_closure}), the admin API and page that manage them, and what lesson generation reads of
 * them ({@link com.guitarstudio.lessons.calendar.LessonCalendar}). Creating a closure closes the
 * lessons it covers at once; deleting one gives them back. The calendar lock keeps both consistent
 * with runs in progress.
 */
@ApplicationModule(allowedDependencies = {"config", "studio", "web"})
package com.guitarstudio.lessons.calendar;

import org.springframework.modulith.ApplicationModule;
