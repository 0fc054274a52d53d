/** A score step's reference to a registry model: `{ type: 'registry', modelId, version? }`. */
export interface RegistryReference {
  modelId: string;
  /** Absent: the latest version when the draft is saved; pinned from submission on. */
  version?: number;
}

/** Every registry model reference in a document, once each (walks the whole JSON: score steps hold them in several places). */
export function registryReferences(document: unknown): RegistryReference[] {
  const found = new Map<string, RegistryReference>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    if (obj['type'] === 'registry' && typeof obj['modelId'] === 'string' && obj['modelId'] !== '') {
      const version = obj['version'];
      const ref: RegistryReference = {
        modelId: obj['modelId'],
        ...(Number.isInteger(version) && { version: version as number }),
      };
      found.set(`${ref.modelId}@${ref.version ?? ''}`, ref);
    }
    Object.values(obj).forEach(visit);
  };
  visit(document);
  return [...found.values()];
}
