import { existsSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { MatchPattern } from '@webext-core/match-patterns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_SITES, SOURCES } from '../../../core/sources/index';
import { MOCK_HOSTS, SOURCE_MOCKS } from '../../mock-sources/index';
import { createMockSources, type Listening, listen } from '../../mock-sources/server';

// A wholesale source is one folder in core/sources/ with a `source.ts`, one line in the registry, its mock and
// its tests (docs/ARCHITECTURE.md). These checks read the folders, so a source that was written but never
// registered, or registered without a mock, a fixture or a test, fails here instead of in a person's browser.
const ROOT = join(import.meta.dirname, '..', '..', '..');
const SOURCES_DIR = join(ROOT, 'core', 'sources');
const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** The hosts a source sends requests to: its search host and, when it reads offer pages, that host. */
const hostsOf = (s: (typeof SOURCES)[number]): string[] =>
  'offerPages' in s.hosts && s.hosts.offerPages ? [s.hosts.search, s.hosts.offerPages] : [s.hosts.search];

describe('every folder with a source.ts is a registered source', () => {
  const folders = readdirSync(SOURCES_DIR).filter((name) => existsSync(join(SOURCES_DIR, name, 'source.ts')));

  it('finds the source folders', () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  it.each(folders)(
    'core/sources/%s/source.ts declares a source in SOURCES, under its folder name',
    async (name) => {
      const module = (await import(join(SOURCES_DIR, name, 'source.ts'))) as Record<string, unknown>;
      const declared = Object.values(module).filter(
        (value): value is { id: string } =>
          typeof value === 'object' && value !== null && 'id' in value && 'create' in value,
      );
      expect(declared.length, `${name}/source.ts exports no source definition`).toBeGreaterThan(0);
      for (const definition of declared) {
        expect(SOURCES as readonly unknown[], `${definition.id} is not in SOURCES`).toContain(definition);
        expect(definition.id).toBe(name);
      }
    },
  );

  it('every registered source has such a folder', () => {
    expect(SOURCES.map((s) => s.id).sort()).toEqual([...folders].sort());
  });
});

describe('every registered source has a mock answering for its hosts', () => {
  const mock = createMockSources();
  let server: Listening;
  beforeAll(async () => {
    server = await listen(mock.handle);
  });
  afterAll(async () => {
    await server.close();
  });

  /** Sends GET / with `host` as the Host header; resolves to the status the mock answered. */
  const statusFor = (host: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/', headers: { host } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });

  it('the mock registry has no mock for a source that is not registered', () => {
    expect(Object.keys(SOURCE_MOCKS).sort()).toEqual(SOURCES.map((s) => s.id).sort());
  });

  it.each(SOURCES.map((s) => [s.id, s] as const))('%s', async (id, source) => {
    const entry = (SOURCE_MOCKS as Record<string, (typeof SOURCE_MOCKS)[keyof typeof SOURCE_MOCKS]>)[id];
    expect(entry, `no mock registered under "${id}" in tests/mock-sources/index.ts`).toBeDefined();
    for (const host of hostsOf(source)) {
      // Mapped onto the mock in the browser tests and the trial…
      expect(entry?.hosts).toContain(host);
      expect(MOCK_HOSTS).toContain(host);
      // …owned by this source's mock and no other…
      const owners = Object.entries(mock.sources)
        .filter(([, m]) => m.owns(host))
        .map(([owner]) => owner);
      expect(owners, host).toEqual([id]);
      // …and answered there: the log shows the host itself, not the default host it would fall back to.
      const before = mock.requests.length;
      expect(await statusFor(host), host).toBeLessThan(500);
      expect(mock.requests.slice(before).map((r) => r.host)).toEqual([host]);
    }
  });
});

describe('every registered source has fixtures and tests', () => {
  it.each(SOURCES.map((s) => s.id))(
    'tests/fixtures/%s/ holds saved answers and says where they came from',
    (id) => {
      const dir = join(ROOT, 'tests', 'fixtures', id);
      expect(isDir(dir), `no folder tests/fixtures/${id}/`).toBe(true);
      const files = readdirSync(dir);
      expect(
        files.some((f) => f === 'PROVENANCE.md' || f === 'README.md'),
        `${id}: PROVENANCE.md or README.md`,
      ).toBe(true);
      expect(files.filter((f) => !/\.md$/.test(f)).length, `${id}: fixture files`).toBeGreaterThan(0);
    },
  );

  it.each(SOURCES.map((s) => s.id))('tests/unit/sources/%s/ has tests', (id) => {
    const dir = join(ROOT, 'tests', 'unit', 'sources', id);
    expect(isDir(dir), `no folder tests/unit/sources/${id}/`).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.test.ts')).length).toBeGreaterThan(0);
  });
});

describe('the manifest asks for exactly the hosts the sources need', () => {
  it("SOURCE_SITES is the union of the sources' sites", () => {
    expect([...SOURCE_SITES].sort()).toEqual([...new Set(SOURCES.flatMap((s) => [...s.sites]))].sort());
  });

  it("each source's sites cover the hosts it sends requests to", () => {
    for (const source of SOURCES)
      for (const host of hostsOf(source))
        expect(
          source.sites.some((site) => new MatchPattern(site).includes(`https://${host}/`)),
          `${source.id}: ${host} is outside its sites`,
        ).toBe(true);
  });

  it.each(['chrome', 'firefox'])('the %s build: host_permissions equal SOURCE_SITES', async (browser) => {
    const config = (await import('../../../wxt.config')).default;
    const manifest = await (typeof config.manifest === 'function'
      ? config.manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' })
      : config.manifest);
    expect([...(manifest?.host_permissions ?? [])].sort()).toEqual([...SOURCE_SITES].sort());
  });
});
