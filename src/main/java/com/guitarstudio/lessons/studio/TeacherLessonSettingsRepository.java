package com.guitarstudio.lessons.studio;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TeacherLessonSettingsRepository extends JpaRepository<TeacherLessonSettings, UUID> {}
