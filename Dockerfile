# The explorer (API and built client on one port) for docker-compose.yml; Neo4j runs in its own container.
FROM node:20-bookworm-slim
WORKDIR /app

# Dependencies first, so the layer is reused until package-lock.json changes. Dev dependencies stay:
# `npm start` runs the TypeScript server through tsx, and vite builds the client.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
RUN npx vite build

ENV HOST=0.0.0.0 \
    PORT=8080 \
    # The client is built above; the server must not try to rebuild it at start.
    CLIENT_BUILD=skip
EXPOSE 8080
USER node
CMD ["npm", "start"]
