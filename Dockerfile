# Build: the jar in a Maven image.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY docs docs
RUN mvn -B -q package -DskipTests

# Run: a JRE and the jar. Configuration comes from SPOTTER_* environment variables.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home spotter
USER spotter
WORKDIR /home/spotter
COPY --from=build /src/target/spotter.jar /opt/spotter/spotter.jar
ENV SPOTTER_PORT=8080 SPOTTER_DATA_DIR=/home/spotter/data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD curl -fsS http://localhost:8080/health/live >/dev/null || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/spotter/spotter.jar"]
