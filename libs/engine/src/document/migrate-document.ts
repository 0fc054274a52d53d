import { SCHEMA_VERSION } from './strategy-document';

/**
 * Brings a stored document to the current schemaVersion. Version 1 is the first format, so this
 * only rejects unknown versions today; each future format change adds one step here, with a test.
 */
export function migrateDocument(
  document: unknown,
): { ok: true; document: unknown } | { ok: false; message: string } {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return { ok: false, message: 'a strategy document must be a JSON object' };
  }
  const version = (document as { schemaVersion?: unknown }).schemaVersion;
  if (version === SCHEMA_VERSION) return { ok: true, document };
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    return {
      ok: false,
      message: `schemaVersion ${version} is newer than this engine (${SCHEMA_VERSION}); upgrade Arbiter`,
    };
  }
  return { ok: false, message: `schemaVersion must be ${SCHEMA_VERSION}, got ${JSON.stringify(version)}` };
}
