# One image for every Scenelog role (the launcher's subcommands): `streams`, `edge`, `bridge`, `registry` and
# `render-node`. Multi-stage: the build stage needs Maven Central and the npm registry (the viewer page is bundled
# with Node from the committed package-lock.json).
FROM maven:3.9-eclipse-temurin-17 AS build
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN npm ci --prefix livelink-bridge/viewer --no-audit --no-fund --loglevel=error
RUN mvn -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
# The renderer's Vulkan loader and Mesa's lavapipe (CPU rendering where the container has no GPU; with the NVIDIA
# container toolkit the GPU's ICD is mounted and chosen first).
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libvulkan1 \
    mesa-vulkan-drivers && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home-dir /var/lib/scenelog --create-home scenelog
COPY --from=build /src/app/target/scenelog.jar /opt/scenelog/scenelog.jar
USER scenelog
WORKDIR /var/lib/scenelog
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/scenelog/scenelog.jar"]
CMD ["--help"]
