# Crosscurrent: `npm start` (scripts/serve.ts) on a production build. Needs DATABASE_URL and
# AUTH_SECRET at run time; see docs/production.md.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# Dependencies' own install scripts are skipped, as npm 11 skips them on developers' machines:
# none is needed (Prisma runs without native engines). The project's postinstall generates the
# Prisma client.
RUN npm ci --ignore-scripts && npm run postinstall
COPY . .
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data \
    NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
RUN mkdir /data && chown node:node /data
# Migrations run from the TypeScript sources with tsx (in a child of the launcher), so the whole
# tree comes along; Next writes its cache under .next at run time.
COPY --from=build --chown=node:node /app ./
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["npm", "start"]
