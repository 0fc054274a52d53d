import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A stand-in for the studio's build (for STUDIO_DIR): a temporary folder holding `files`, by path
 * inside it, removed by an `afterAll` of the enclosing `describe`.
 */
export function useStudioDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-studio-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
