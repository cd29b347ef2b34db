import { ControllableClock } from './clock';
import { DeadlineScheduler } from './deadline-scheduler';

describe('deadline scheduler on a controllable clock', () => {
  let clock: ControllableClock;
  let scheduler: DeadlineScheduler;

  beforeEach(() => {
    clock = new ControllableClock();
    scheduler = new DeadlineScheduler(clock);
  });

  afterEach(() => scheduler.stop());

  it('fires due deadlines in order when time is skipped', () => {
    const fired: string[] = [];
    const now = clock.now();
    scheduler.arm('late', now + 30 * 86_400_000, () => fired.push('late'));
    scheduler.arm('early', now + 3_600_000, () => fired.push('early'));
    scheduler.arm('never', now + 365 * 86_400_000, () => fired.push('never'));
    clock.advance(31 * 86_400_000);
    expect(fired).toEqual(['early', 'late']);
  });

  it('replaces a re-armed key and forgets a disarmed one', () => {
    const fired: string[] = [];
    const now = clock.now();
    scheduler.arm('timer', now + 1000, () => fired.push('first'));
    scheduler.arm('timer', now + 2000, () => fired.push('second'));
    scheduler.arm('gone', now + 1000, () => fired.push('gone'));
    scheduler.disarm('gone');
    clock.advance(5000);
    expect(fired).toEqual(['second']);
  });

  it('fires on the real clock too', async () => {
    const fired = await new Promise<boolean>((resolve) => {
      scheduler.arm('soon', clock.now() + 20, () => resolve(true));
    });
    expect(fired).toBe(true);
  });
});
