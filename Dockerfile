# The connector image: `docker build -t codexconnector/source-openai-codex:dev .`
# Stage 1 bundles the TypeScript sources with the dev toolchain; stage 2 carries only what `node dist/main.js` needs.

FROM node:24-bookworm-slim AS build
WORKDIR /build
COPY package.json package-lock.json ./
# Dev dependencies: esbuild bundles src/ (with undici and zod) into dist/.
RUN npm ci --no-audit --no-fund
COPY scripts/build.mjs ./scripts/
COPY src ./src
RUN npm run build

FROM node:24-bookworm-slim
WORKDIR /airbyte/integration_code
ENV NODE_ENV=production
# The bundles need no node_modules: every run-time dependency is inside dist/. (@duckdb/node-api, the
# demo's optional database, is left out; `demo` says so if run here.)
COPY package.json ./
COPY --from=build /build/dist ./dist
COPY schemas ./schemas
USER node
ENV AIRBYTE_ENTRYPOINT="node /airbyte/integration_code/dist/main.js"
ENTRYPOINT ["node", "/airbyte/integration_code/dist/main.js"]
LABEL io.airbyte.name=codexconnector/source-openai-codex
LABEL io.airbyte.version=0.1.0
