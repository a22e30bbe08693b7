/**
 * The studio calendar: closures of the whole studio and teachers' time off ({@code
 * studio_closure}), the admin API and page that manage them, and the next closures the admin page
 * lists ({@link com.guitarstudio.lessons.calendar.LessonCalendar}). Creating a closure closes the
 * lessons it covers at once; deleting one gives them back: both through the {@code lessons} module,
 * which writes every lesson, under the calendar lock that keeps them consistent with runs in progress.
 */
@ApplicationModule(allowedDependencies = {"config", "lessons", "studio", "web"})
package com.guitarstudio.lessons.calendar;

import org.springframework.modulith.ApplicationModule;
