import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// What a fresh clone's `npm install` / `npm ci` relies on, checked statically: one Node.js
// version everywhere, a lockfile npm needs no help to use, and no bench or test tooling in the
// production image.
const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const manifest = JSON.parse(read('package.json')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};
interface LockEntry {
  version?: string;
  integrity?: string;
  link?: boolean;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
}
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, LockEntry> };
const installed = Object.entries(lock.packages).filter(
  ([path, entry]) => path.includes('node_modules/') && !entry.link,
);

describe('installing', () => {
  it('uses the Node.js major version of .nvmrc in engines and in the Docker images', () => {
    const major = read('.nvmrc').trim();
    expect(major).toMatch(/^\d+$/);
    expect(manifest.engines.node).toBe(`>=${major}`);
    expect(read('docker/Dockerfile')).toContain(`ARG NODE_IMAGE=node:${major}-`);
  });

  it('has a complete lockfile: every package with its checksum, every platform binary optional', () => {
    expect(installed.length).toBeGreaterThan(0);
    expect(installed.filter(([, entry]) => !entry.integrity).map(([path]) => path)).toEqual([]);
    const platformOnly = installed.filter(([, entry]) => entry.os || entry.cpu);
    expect(platformOnly.filter(([, entry]) => !entry.optional).map(([path]) => path)).toEqual([]);
    expect(Object.keys(manifest.scripts)).not.toContain('postinstall');
  });

  it('keeps bench and browser-test packages out of the production image (npm prune --omit=dev)', () => {
    expect(read('docker/Dockerfile')).toContain('npm prune --omit=dev');
    for (const name of ['@gorules/zen-engine', 'json-rules-engine', 'autocannon', 'playwright-core']) {
      expect({ name, dev: lock.packages[`node_modules/${name}`]?.dev }).toEqual({ name, dev: true });
    }
  });
});
