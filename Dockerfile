# The connector image: `docker build -t codexconnector/source-openai-codex:dev .`
# Stage 1 compiles TypeScript with the dev toolchain; stage 2 carries only what `node dist/main.js` needs.

FROM node:24-bookworm-slim AS build
WORKDIR /build
COPY package.json package-lock.json ./
# Dev dependencies (TypeScript) and the optional DuckDB package, whose types the demo's sources import.
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY schemas ./schemas
RUN npm run build

FROM node:24-bookworm-slim
WORKDIR /airbyte/integration_code
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Production dependencies only: @duckdb/node-api is optional and used by the `demo` command alone.
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force
COPY --from=build /build/dist ./dist
COPY schemas ./schemas
USER node
ENV AIRBYTE_ENTRYPOINT="node /airbyte/integration_code/dist/main.js"
ENTRYPOINT ["node", "/airbyte/integration_code/dist/main.js"]
LABEL io.airbyte.name=codexconnector/source-openai-codex
LABEL io.airbyte.version=0.1.0
