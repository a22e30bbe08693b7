package com.guitarstudio.lessons.studio;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StudentProfileRepository extends JpaRepository<StudentProfile, UUID> {}
