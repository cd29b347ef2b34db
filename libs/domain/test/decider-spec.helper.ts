import { type Decider, type DomainCommand, type DomainEvent } from '../src/shared/message.types';
import { type DomainError, type DomainErrorCode } from '../src/shared/domain.error';

type ErrorClass = abstract new (...args: never[]) => DomainError;

/** The outcome half of a given/when/then test. */
export interface Then<E, S> {
  /** Expect exactly these events, or a thrown error of this class (and optionally this code). */
  then(expected: readonly E[] | ErrorClass, code?: DomainErrorCode): void;
  /** Expect these events among the produced ones, in this relative order. */
  thenIncludes(expected: readonly E[]): void;
  /** The events produced, and the state after them, for custom assertions. */
  result(): { events: E[]; state: S };
}

/**
 * A tiny given/when/then harness for deciders:
 * `given([launched]).when(approve).then([approved])` or `.then(NotAllowedError)`.
 *
 * @example const given = deciderSpec(personnelPlanDecider);
 */
export function deciderSpec<C extends DomainCommand, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return function given(history: readonly E[]) {
    const state = history.reduce((s, e) => decider.evolve(s, e), decider.initialState());
    return {
      state,
      when(command: C): Then<E, S> {
        const run = (): E[] => decider.decide(command, state);
        return {
          then(expected, code) {
            if (typeof expected === 'function') {
              let thrown: unknown = null;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(expected);
              if (code) {
                expect((thrown as DomainError).code).toBe(code);
              }
              return;
            }
            expect(run()).toEqual(expected);
          },
          thenIncludes(expected) {
            const produced = run();
            const positions = expected.map((e) => produced.findIndex((p) => JSON.stringify(p) === JSON.stringify(e)));
            expect({ produced, missing: expected.filter((_, i) => positions[i] === -1) }).toEqual({
              produced,
              missing: [],
            });
            expect(positions).toEqual([...positions].sort((a, b) => a - b));
          },
          result() {
            const events = run();
            return { events, state: events.reduce((s, e) => decider.evolve(s, e), state) };
          },
        };
      },
    };
  };
}

/** Runs commands one after another, folding each result, and returns the whole history. */
export function runAll<C extends DomainCommand, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  commands: readonly C[],
  history: readonly E[] = [],
): { events: E[]; state: S } {
  let state = history.reduce((s, e) => decider.evolve(s, e), decider.initialState());
  const events = [...history];
  for (const command of commands) {
    const produced = decider.decide(command, state);
    events.push(...produced);
    state = produced.reduce((s, e) => decider.evolve(s, e), state);
  }
  return { events, state };
}
