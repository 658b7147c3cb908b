// A near-miss is an incident that was caught before it hurt anyone. It exposes the same weakness as
// an outage, but has no impact to quantify; what it must say is what caught it and where luck helped.
import type { Postmortem } from './types';

/**
 * How a near-miss's type is spelled (near-miss, near miss, near_miss, nearmiss), as RegExp source:
 * the one list both this check and the server's "is this a postmortem?" test read.
 */
export const NEAR_MISS_SPELLINGS = String.raw`near[-\s_]?miss`;
const NEAR_MISS = new RegExp(`^(?:${NEAR_MISS_SPELLINGS})$`, 'i');

/** `type: near-miss` (or `kind: near-miss` next to `type: postmortem`) in front matter. */
export function isNearMiss(model: Postmortem): boolean {
  const data = model.frontMatter?.data ?? {};
  return [data.type, data.kind, model.meta.type].some((v) => typeof v === 'string' && NEAR_MISS.test(v.trim()));
}
