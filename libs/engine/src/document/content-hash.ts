import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256';
import type { StrategyDocument } from './strategy-document';

/**
 * SHA-256 of the canonical JSON of everything that decides behaviour. Node positions are left out:
 * rearranging the canvas must not invalidate a simulation or an approval of the same logic.
 */
export function contentHash(document: StrategyDocument): string {
  return sha256Hex(canonicalJson(withoutLayout(document)));
}

export function withoutLayout(document: StrategyDocument): StrategyDocument {
  return { ...document, nodes: document.nodes.map(({ position: _position, ...node }) => node) };
}
