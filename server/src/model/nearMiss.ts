// A near-miss is an incident that was caught before it hurt anyone. It exposes the same weakness as
// an outage, but has no impact to quantify; what it must say is what caught it and where luck helped.
import type { Postmortem } from './types';

const NEAR_MISS = /^near[-\s_]?miss$/i;

/** `type: near-miss` (or `kind: near-miss` next to `type: postmortem`) in front matter. */
export function isNearMiss(model: Postmortem): boolean {
  const data = model.frontMatter?.data ?? {};
  return [data.type, data.kind, model.meta.type].some((v) => typeof v === 'string' && NEAR_MISS.test(v.trim()));
}
