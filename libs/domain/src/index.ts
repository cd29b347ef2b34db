/**
 * @cadreflow/domain — the pure heart of cadreflow: organisation model, versioned rulebooks, vote counting,
 * QĐ 205/114 checks, and one decider `{ decide, evolve, initialState }` per procedure. No I/O, no clock, no
 * randomness: safe inside deterministic Temporal workflows.
 */
export * from './shared/domain.error';
export * from './shared/message.types';
export * from './shared/compare.util';
export * from './shared/ratio.util';
export * from './shared/recorded-events.util';

export * from './calendar/civil-date.util';
export * from './calendar/holiday-calendar.util';
export * from './calendar/vietnam-holidays.data';
export * from './calendar/lunar-calendar.util';
export * from './calendar/vietnam-statutory-holidays.rule';

export * from './rulebook/document-reference.types';
export * from './rulebook/rulebook.types';
export * from './rulebook/rulebook-2020-2025.data';
export * from './rulebook/rulebook-2025-2030.data';
export * from './rulebook/legal-documents.data';
export * from './rulebook/dated-rules.data';
export * from './rulebook/dated-rule-sets.util';
export * from './rulebook/rulebook.registry';

export * from './organisation/organisation.types';
export * from './organisation/organisation.queries';

export * from './voting/ballots.rule';
export * from './voting/election-base.rule';
export * from './voting/nomination.rule';
export * from './voting/quorum.rule';
export * from './voting/seat-allocation.rule';
export * from './voting/surplus.rule';
export * from './voting/threshold.rule';
export * from './voting/round-count.rule';

export * from './checks/age.check';
export * from './checks/composition.check';
export * from './checks/confidence-vote.check';
export * from './checks/decision-guards.check';
export * from './checks/relatives.check';

export * from './procedures/common/common.commands';
export * from './procedures/common/common.events';
export * from './procedures/common/meeting-evaluation.rule';
export * from './procedures/common/meeting-tally.types';
export * from './procedures/common/procedure-core.kernel';
export * from './procedures/common/voting.events';
export * from './procedures/composite-congress.events';
export * from './procedures/composite-congress.helpers';
export * from './procedures/launch.helpers';

export * from './procedures/personnel-plan/personnel-plan.commands';
export * from './procedures/personnel-plan/personnel-plan.decider';
export * from './procedures/personnel-plan/personnel-plan.events';
export * from './procedures/personnel-plan/personnel-plan.state';

export * from './procedures/introduction/introduction.commands';
export * from './procedures/introduction/introduction.decider';
export * from './procedures/introduction/introduction.events';
export * from './procedures/introduction/introduction.state';

export * from './procedures/appointment/appointment.commands';
export * from './procedures/appointment/appointment.decider';
export * from './procedures/appointment/appointment.events';
export * from './procedures/appointment/appointment.state';

export * from './procedures/vetting/vetting.commands';
export * from './procedures/vetting/vetting.decider';
export * from './procedures/vetting/vetting.events';
export * from './procedures/vetting/vetting.state';

export * from './procedures/election/election.commands';
export * from './procedures/election/election.decider';
export * from './procedures/election/election.events';
export * from './procedures/election/election.state';

export * from './procedures/confidence-vote/confidence-vote.commands';
export * from './procedures/confidence-vote/confidence-vote.decider';
export * from './procedures/confidence-vote/confidence-vote.events';
export * from './procedures/confidence-vote/confidence-vote.state';

export * from './procedures/classification/classification.commands';
export * from './procedures/classification/classification.decider';
export * from './procedures/classification/classification.events';
export * from './procedures/classification/classification.state';
export * from './procedures/first-session/first-session.commands';
export * from './procedures/first-session/first-session.decider';
export * from './procedures/first-session/first-session.events';
export * from './procedures/first-session/first-session.state';

export * from './procedures/cadre-opinion/cadre-opinion.commands';
export * from './procedures/cadre-opinion/cadre-opinion.decider';
export * from './procedures/cadre-opinion/cadre-opinion.events';
export * from './procedures/cadre-opinion/cadre-opinion.state';

export * from './seed/demo-organisation.seed';
