package com.guitarstudio.lessons.studio;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TeacherProfileRepository extends JpaRepository<TeacherProfile, UUID> {}
