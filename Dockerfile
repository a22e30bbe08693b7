# syntax=docker/dockerfile:1
# Lesson service image: built with the Maven wrapper on a JDK, run on a JRE as a non-root user,
# from Spring Boot's layered jar (dependencies change less often than the application).

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src/ src/
# Tests run in CI (they need PostgreSQL); the image build only packages.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package \
    && java -Djarmode=tools -jar target/lesson-service-*.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system lessons \
    && useradd --system --gid lessons --home-dir /app --shell /usr/sbin/nologin lessons
WORKDIR /app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
USER lessons
ENV PORT=8080 \
    JAVA_OPTS=""
EXPOSE 8080
# Readiness is UP when the service and its database are; it does not run the (costlier) health checks.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS "http://localhost:${PORT}/actuator/health/readiness" > /dev/null || exit 1
# Heap sized from the container's memory limit; exec so the JVM gets SIGTERM and shuts down gracefully.
ENTRYPOINT ["sh", "-c", "exec java -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher"]
