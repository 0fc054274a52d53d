import type { VersionStatus } from './strategy-source';

export const VERSION_STATUS_WORDS: Record<VersionStatus, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  APPROVED: 'Approved',
  PUBLISHED: 'Published',
  RETIRED: 'Retired',
};

/** A version as a choice in a list: "v3 · in review". */
export function versionLabel(v: { number: number; status: VersionStatus }): string {
  return `v${v.number} · ${VERSION_STATUS_WORDS[v.status].toLowerCase()}`;
}
