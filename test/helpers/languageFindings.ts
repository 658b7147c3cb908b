// The language rules' findings for one sentence, analysed as a one-line document on a fixed date:
// what the language unit tests count.
import { analyze } from '../../server/src/engine/analyze';
import type { Finding } from '../../server/src/rules/types';

const NOW = new Date('2026-11-29T00:00:00Z');

export const findingsOf = (text: string, ruleId: string): Finding[] => analyze(`${text}\n`, { now: NOW }).findings.filter((f) => f.ruleId === ruleId);
export const blame = (text: string): number => findingsOf(text, 'no-blame-language').length;
export const counterfactual = (text: string): number => findingsOf(text, 'no-counterfactual').length;
export const hindsight = (text: string): number => findingsOf(text, 'no-hindsight-minimizer').length;
