package com.guitarstudio.lessons.joblog;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JobLogRepository extends JpaRepository<JobLog, UUID> {}
