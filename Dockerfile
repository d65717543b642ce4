# One image for every Scenelog role (the launcher's subcommands): `registry`, and later `streams`, `edge`,
# `bridge`, `render-node`. Multi-stage: the build stage needs only Maven Central.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /var/lib/scenelog --create-home scenelog
COPY --from=build /src/app/target/scenelog.jar /opt/scenelog/scenelog.jar
USER scenelog
WORKDIR /var/lib/scenelog
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/scenelog/scenelog.jar"]
CMD ["--help"]
