# Build: the jar (npm fetches the documentation corpus it embeds), then the self-contained image made from it (a
# jlink'd Java runtime, the jar, the launcher and the ahead-of-time cache of a training run), unpacked into /app.
# The image is made where it will run (/app), as the cache records the jar's place.
FROM maven:3.9-eclipse-temurin-25 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
COPY src ./src
COPY bin ./bin
RUN mvn -B -q -Pdist -DskipTests verify \
 && mkdir /app && tar -xzf target/dist/workos-mcp-docs-server-*.tar.gz -C /app --strip-components=1

# Run: the image's own runtime on a slim base (no JDK), serving Streamable HTTP as an unprivileged user.
FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --no-create-home --home-dir /nonexistent mcp
COPY --from=build /app /app
USER 10001
# Synced corpora (and the copy of the embedded index) go to a writable place; the image itself is read-only.
ENV WORKOS_DOCS_DATA_DIR=/tmp/workos-mcp-docs-server
EXPOSE 8080
# In a container the server listens beyond loopback, so it needs a bearer token: docker run -e WORKOS_MCP_DOCS_TOKEN=...
ENTRYPOINT ["/app/bin/workos-mcp-docs-server"]
CMD ["serve", "--http", "--host", "0.0.0.0", "--port", "8080"]
