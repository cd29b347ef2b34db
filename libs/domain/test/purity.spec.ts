import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  appointmentDecider,
  cadreOpinionDecider,
  classificationDecider,
  confidenceVoteDecider,
  electionDecider,
  firstSessionDecider,
  introductionDecider,
  personnelPlanDecider,
  procedureDeciders,
  replay,
  vettingDecider,
} from '@cadreflow/domain';

const SRC = join(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('libs/domain stays pure (safe inside deterministic workflows)', () => {
  const forbidden: Array<[string, RegExp]> = [
    ['clock read', /Date\.now\(|new Date\(/],
    ['randomness', /Math\.random\(|crypto\./],
    ['environment', /\bprocess\.(env|exit|argv|hrtime|nextTick)\b/],
    ['host-dependent sorting', /localeCompare\(/],
    ['timers', /setTimeout\(|setInterval\(/],
    ['console', /console\./],
  ];

  it.each(forbidden)('has no %s in its sources', (_what, pattern) => {
    const offenders = sourceFiles(SRC).filter((file) => pattern.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('exposes one decider per procedure kind, whose initial states are plain JSON', () => {
    const all = [
      personnelPlanDecider,
      introductionDecider,
      appointmentDecider,
      vettingDecider,
      electionDecider,
      confidenceVoteDecider,
      classificationDecider,
      cadreOpinionDecider,
      firstSessionDecider,
    ];
    expect(Object.values(procedureDeciders)).toEqual(all);
    for (const decider of all) {
      const state = decider.initialState();
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      expect(replay(decider as never, [])).toEqual(state);
    }
  });
});
