/**
 * A fact that happened, past tense: `{ type: 'CandidateDropped', data: { ... } }`.
 * Deciders return these bare; the caller attaches {@link EventMetadata} when recording.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** Role a person acts in; the Vietnamese names are in the TSDoc of each member. */
export type RoleKind =
  /** Ban Tổ chức: launches procedures, prepares dossiers. */
  | 'organization-committee'
  /** Ban thường vụ (BTV). */
  | 'standing-committee'
  /** Ban chấp hành / cấp ủy (BCH). */
  | 'executive-committee'
  /** Ủy ban Kiểm tra (UBKT). */
  | 'inspection-committee'
  /** Bộ Chính trị. */
  | 'politburo'
  /** Ban Bí thư. */
  | 'secretariat'
  /** Tập thể lãnh đạo of a unit. */
  | 'leadership-collective'
  /** Người đứng đầu of a unit. */
  | 'head'
  /** Hội nghị cán bộ chủ chốt (its secretariat records results). */
  | 'key-cadres-conference'
  /** Đoàn chủ tịch đại hội (presidium of a congress). */
  | 'congress-presidium'
  /** Ban kiểm phiếu (counting board). */
  | 'counting-board'
  /** Chi bộ nơi cư trú / cấp ủy nơi công tác giving an opinion. */
  | 'party-cell'
  /** The engine itself, e.g. a deadline timer sending `CheckDeadlines`; no step is ever decided in this role. */
  | 'system';

/** The procedures the engine runs (domain.md §3). */
export type ProcedureKind =
  | 'personnel-plan'
  | 'introduction'
  | 'appointment'
  | 'vetting'
  | 'election'
  /** Lấy phiếu tín nhiệm (QĐ 262 → 96). */
  | 'confidence-vote'
  /** Kiểm điểm, đánh giá, xếp loại hằng năm (HD 21 → QĐ 366). */
  | 'classification'
  /** Cho ý kiến về cán bộ theo đề nghị của cơ quan cấp trên, Trung ương. */
  | 'cadre-opinion'
  /** Phiên họp thứ nhất của Ban Chấp hành khóa mới: it elects its standing committee, secretary, UBKT and chair. */
  | 'first-session';

/** Classification of a personnel dossier: mật (confidential), tối mật (secret), tuyệt mật (top secret). */
export type Classification = 'unclassified' | 'confidential' | 'secret' | 'top-secret';

/** Who issues a command, and in which role and body at that moment (recorded for personal responsibility). */
export interface Actor {
  readonly personId: string;
  readonly role: RoleKind;
  readonly bodyId: string;
}

/**
 * An instruction, imperative: `{ type: 'ApprovePlan', data, actor, now }`.
 * `now` is an ISO date-time given by the caller (the workflow clock); the domain never reads a clock.
 */
export interface DomainCommand<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly actor: Actor;
  readonly now: string;
}

/**
 * Audit metadata the recorder attaches to every event (domain.md §5): who, in which role then,
 * for which body, under which rulebook, when, and an optional hash of the evidence.
 */
export interface EventMetadata {
  readonly actorId: string;
  readonly actorRole: RoleKind;
  readonly bodyId: string;
  readonly rulebookId: string;
  readonly occurredAt: string;
  readonly evidenceHash?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

/** An event as stored: the decider's `{ type, data }` plus its metadata. */
export type RecordedEvent<E extends DomainEvent> = E & { readonly metadata: EventMetadata };

/**
 * A pure decider (emmett style): `decide` validates a command against the state and returns new events or
 * throws a {@link DomainError}; `evolve` folds one event into the state; `initialState` starts a stream.
 *
 * @example
 * const state = events.reduce(decider.evolve, decider.initialState());
 * const next = decider.decide(command, state);
 */
export interface Decider<C extends DomainCommand, E extends DomainEvent, S> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

/** Folds a history into a state with the decider's `evolve`. */
export function replay<C extends DomainCommand, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  events: readonly E[],
): S {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
