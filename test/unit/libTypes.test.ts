// The library's public types are spelled out (so its declaration files stand alone); these checks
// keep them the same shape as the engine's. `npm run typecheck` fails when a key is added to one only.
import assert from 'node:assert/strict';
import type { PostmortemConfig as EngineConfig, TrackersConfig } from '../../server/src/config/types';
import type { CliFinding } from '../../server/src/cli/format';
import { lint, type LintFinding, type PostmortemConfig } from '../../server/src/lib';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const configKeys: Same<keyof PostmortemConfig, keyof EngineConfig> = true;
const trackersShape: Same<NonNullable<PostmortemConfig['trackers']>, TrackersConfig> = true;
/** A library finding is the CLI's finding without its snippet (which only fingerprints read). */
const findingShape: Same<LintFinding, Omit<CliFinding, 'snippet'>> = true;

describe('library types', () => {
  it('the public configuration has every key of .postmortemrc, trackers included', () => {
    // Compile-time checks: the two constants above fail `npm run typecheck` when the shapes differ.
    assert.deepEqual([configKeys, trackersShape, findingShape], [true, true, true]);
    const config: PostmortemConfig = { trackers: { github: { repository: 'example/repo' } }, rules: { 'action-item-tracked': 'warning' } };
    const result = lint('# Outage\n\n## Action items\n\n- [ ] Add a retry budget. Owner: @ana. Due: 2026-12-01.\n', { config, now: new Date('2026-11-01T12:00:00Z') });
    assert.deepEqual(result.configWarnings, []);
  });
});
