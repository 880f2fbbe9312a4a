/**
 * docker-compose.yml and the Dockerfile, for users with Docker. No Docker engine runs here, so this checks their
 * structure: the pinned Neo4j image, health checks, the data volume, the app waiting for a healthy Neo4j, and
 * the standard NEO4J_* variables the store reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const repoRoot = path.join(__dirname, '../..');
const compose = parse(fs.readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'));
const { neo4j, app } = compose.services;

/** A healthcheck test as one command line, whichever YAML form it is written in. */
function healthcheckCommand(service: { healthcheck?: { test?: string | string[] } }): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.filter((part) => part !== 'CMD' && part !== 'CMD-SHELL').join(' ') : (test ?? '');
}

describe('docker-compose.yml', () => {
  it('has exactly the neo4j and app services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'neo4j']);
  });

  it('runs Neo4j 5.26 Community with auth from NEO4J_PASSWORD (8+ characters by default)', () => {
    expect(neo4j.image).toBe('neo4j:5.26-community');
    const auth: string = neo4j.environment.NEO4J_AUTH;
    const [user, password] = auth.split('/');
    expect(user).toBe('neo4j');
    const defaultPassword = /^\$\{NEO4J_PASSWORD:-(.+)\}$/.exec(password ?? '')?.[1];
    expect(defaultPassword?.length).toBeGreaterThanOrEqual(8);
  });

  it('keeps Neo4j data in a named volume and publishes Browser and Bolt', () => {
    const mount = neo4j.volumes.find((volume: string) => volume.endsWith(':/data'));
    const volumeName = mount?.split(':')[0];
    expect(Object.keys(compose.volumes)).toContain(volumeName);
    expect(neo4j.ports).toEqual(expect.arrayContaining(['7474:7474', '7687:7687']));
  });

  it('health-checks Neo4j over HTTP with wget (the community image has no curl)', () => {
    expect(healthcheckCommand(neo4j)).toMatch(/wget .*http:\/\/localhost:7474/);
    expect(neo4j.healthcheck).toEqual(expect.objectContaining({ interval: expect.any(String), retries: expect.any(Number) }));
  });

  it('builds the app and starts it only once Neo4j is healthy', () => {
    expect(app.build).toBe('.');
    expect(app.depends_on.neo4j.condition).toBe('service_healthy');
  });

  it('points the app at the neo4j service through the standard variables, matching credentials', () => {
    expect(app.environment.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(app.environment.NEO4J_USER).toBe('neo4j');
    expect(`neo4j/${app.environment.NEO4J_PASSWORD}`).toBe(neo4j.environment.NEO4J_AUTH);
  });

  it('serves the app on 8080 beyond loopback and health-checks /healthz', () => {
    expect(app.ports).toEqual(['8080:8080']);
    expect(app.environment).toMatchObject({ HOST: '0.0.0.0', PORT: '8080' });
    expect(healthcheckCommand(app)).toContain('http://127.0.0.1:8080/healthz');
  });
});

describe('Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
  const instructions = dockerfile
    .split('\n')
    .filter((line) => /^[A-Z]+ /.test(line))
    .map((line) => line.split(' ')[0]);

  it('installs from the lock file on Node 20, builds the client, then runs npm start', () => {
    expect(dockerfile).toMatch(/^FROM node:20\b/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^RUN npx vite build$/m);
    expect(dockerfile).toMatch(/^CMD \["npm", "start"\]$/m);
    // Dependencies are installed before the sources are copied, so their layer survives source edits.
    expect(instructions.indexOf('RUN')).toBeLessThan(instructions.lastIndexOf('COPY'));
  });

  it('keeps fetched and generated files out of the build context', () => {
    const ignored = fs.readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.neo4j', 'scripts/neo4j/cp.txt']));
  });
});
