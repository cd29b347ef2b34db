import { compareIsoDates } from '../calendar/civil-date.util';
import { NotFoundError } from '../shared/domain.error';
import { allDatedRules, datedRules, type RuleDefinition, type RuleVersion } from './dated-rules.data';
import { type LegalDocument } from './legal-documents.data';
import { type Rulebook, type RuleProvenance } from './rulebook.types';

/** The value of a rule in force on `day` (the newest version from on or before it), if any. */
export function ruleVersionOn<T>(rule: RuleDefinition<T>, day: string): RuleVersion<T> | undefined {
  let found: RuleVersion<T> | undefined;
  for (const version of rule.versions) {
    if (compareIsoDates(version.from, day) <= 0) found = version;
  }
  return found;
}

/**
 * The first day every rule has a value with a document in force: no set is composed before it (a launch before
 * is refused for want of a rulebook, as before 2019 it always was). 2019-10-25, the day Hướng dẫn 21-HD/BTCTW was
 * issued.
 */
export const firstRuleSetDay: string = allDatedRules
  .map((rule) => rule.versions[0]?.from ?? '9999-12-31')
  .reduce((a, b) => (compareIsoDates(a, b) < 0 ? b : a));

/** Days the set of rules in force changes on, from {@link firstRuleSetDay}, oldest first. */
export const ruleSetEditionDays: readonly string[] = [
  ...new Set([
    firstRuleSetDay,
    ...allDatedRules.flatMap((rule) =>
      rule.versions.map((v) => v.from).filter((day) => compareIsoDates(firstRuleSetDay, day) < 0),
    ),
  ]),
].sort(compareIsoDates);

function documentOf(rule: RuleDefinition<unknown>, day: string): LegalDocument {
  const document = ruleVersionOn(rule, day)?.document;
  if (!document) throw new NotFoundError(`Rule ${rule.id} cites no document on ${day}`, 'rule', rule.id);
  return document;
}

function valueOf<T>(rule: RuleDefinition<T>, day: string): T {
  const version = ruleVersionOn(rule, day);
  if (!version) throw new NotFoundError(`Rule ${rule.id} has no value on ${day}`, 'rule', rule.id);
  return version.value;
}

/**
 * The set of rules in force on an edition day, as a {@link Rulebook}: each rule its newest value, each topic the
 * document that sets it, and the provenance of every rule. Its id names the cycle and the edition day, so a
 * procedure that records it keeps this set to the end.
 */
function composeRuleSet(day: string, nextDay: string | undefined): Rulebook {
  const r = datedRules;
  const v = <T>(rule: RuleDefinition<T>): T => valueOf(rule, day);
  const cycle = v(r.cycle);
  const appointmentDeadline = v(r.appointmentDeadline);
  const rules: RuleProvenance[] = allDatedRules.map((rule) => {
    const version = ruleVersionOn(rule, day);
    if (!version) throw new NotFoundError(`Rule ${rule.id} has no value on ${day}`, 'rule', rule.id);
    return {
      id: rule.id,
      title: rule.title,
      tag: rule.tag,
      document: version.document,
      effectiveFrom: version.from,
      ...(version.note ? { note: version.note } : {}),
    };
  });
  return {
    id: `rulebook/${cycle.startYear}-${cycle.endYear}@${day}`,
    title: `Congress cycle ${cycle.startYear}–${cycle.endYear}, rules in force from ${day}`,
    cycle,
    effectiveFrom: day,
    ...(nextDay ? { effectiveTo: nextDay } : {}),
    asOf: day,
    rules,
    documents: {
      congressDirective: documentOf(r.cycle, day),
      powerControl: documentOf(r.linkedPosts, day),
      congressGuidance: documentOf(r.introduction, day),
      reviewAndClassification: documentOf(r.classification, day),
      introducingCadres: documentOf(r.appointmentDeadline, day),
      electionRegulations: documentOf(r.surplus, day),
      confidenceVotes: documentOf(r.confidenceVote, day),
      retirementAge: documentOf(r.retirement, day),
    },
    calendar: v(r.calendar),
    decision: { threshold: v(r.threshold), bases: v(r.bases) },
    quorum: v(r.quorum),
    surplus: v(r.surplus),
    candidacy: v(r.candidacy),
    age: {
      reElectionMonthsLeft: v(r.reElectionMonthsLeft),
      firstTimeMonthsLeft: v(r.firstTimeMonthsLeft),
      retirement: v(r.retirement),
    },
    composition: { ...v(r.composition), enforcement: v(r.compositionEnforcement) },
    introduction: v(r.introduction),
    appointment: {
      deadlineWorkingDays: { ...appointmentDeadline },
      exactHalf: v(r.appointmentExactHalf),
      referenceOnlySteps: v(r.appointmentReferenceOnly),
    },
    election: { tieRule: v(r.tieRule) },
    recusal: v(r.recusal),
    actionProgramme: v(r.actionProgramme),
    vetting: v(r.vetting),
    stepDueWorkingDays: v(r.stepDue),
    linkedPosts: v(r.linkedPosts),
    confidenceVote: v(r.confidenceVote),
    classification: v(r.classification),
    firstSession: { stepDueWorkingDays: v(r.firstSessionDue) },
  };
}

/** Every set of rules the dated rules make, one per edition day, oldest first. */
export const datedRuleSets: readonly Rulebook[] = ruleSetEditionDays.map((day, i) =>
  composeRuleSet(day, ruleSetEditionDays[i + 1]),
);
