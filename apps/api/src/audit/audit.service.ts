import { ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  appointmentDecider,
  electionDecider,
  introductionDecider,
  personnelPlanDecider,
  vettingDecider,
  type Decider,
  type DomainCommand,
  type DomainEvent,
} from '@cadreflow/domain';
import {
  AnchorFile,
  EventStore,
  NoSuchProcedureError,
  buildEvidence,
  evidenceScript,
  verifyLog,
  type RecordedEvent,
  type VerificationReport,
} from '@cadreflow/event-store';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { hasRole } from '../auth/grants';
import { Visibility } from '../auth/visibility';
import { AuditKeys } from './audit-keys';

type AnyDecider = Decider<DomainCommand, DomainEvent, unknown>;

const DECIDERS: Record<string, AnyDecider> = {
  'personnel-plan': personnelPlanDecider,
  introduction: introductionDecider,
  appointment: appointmentDecider,
  vetting: vettingDecider,
  election: electionDecider,
};

/** A procedure's audit trail with the verdict of re-deriving its hashes. */
export interface AuditTrail {
  procedureId: string;
  /** The procedure and, for a composite, its stages' streams. */
  streamIds: string[];
  verification: Pick<VerificationReport, 'ok' | 'eventsChecked' | 'problems'>;
  events: RecordedEvent[];
}

/** The inspection committee's read-only view: trails, verification, and the state as of any event. */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly visibility: Visibility,
    private readonly keys: AuditKeys,
  ) {}

  async trail(user: AuthenticatedUser, procedureId: string): Promise<AuditTrail> {
    const streamIds = await this.streamsOf(user, procedureId);
    const events = (await Promise.all(streamIds.map((id) => this.store.readStream(id))))
      .flat()
      .sort((a, b) => a.position - b.position);
    const report = await verifyLog(this.dataSource, { trustedKeys: this.keys.trusted, streamIds });
    return {
      procedureId,
      streamIds,
      verification: { ok: report.ok, eventsChecked: report.eventsChecked, problems: report.problems },
      events,
    };
  }

  /** Time travel: the procedure's state folded from its events up to and including `position`. */
  async stateAt(
    user: AuthenticatedUser,
    procedureId: string,
    position: number,
  ): Promise<{ procedureId: string; position: number; eventsApplied: number; state: Record<string, unknown> }> {
    await this.streamsOf(user, procedureId);
    const events = (await this.store.readStream(procedureId)).filter((e) => e.position <= position);
    const launched = events.find((e) => e.type === 'ProcedureLaunched');
    const kind = launched?.data.kind;
    const decider = typeof kind === 'string' ? DECIDERS[kind] : undefined;
    if (!decider) {
      throw new UnprocessableEntityException({
        message: `No state to rebuild for "${procedureId}" at position ${position}: ask for a single procedure (a stage of a composite has its own id) at or after its launch.`,
        code: 'VALIDATION',
      });
    }
    const state = events.reduce((s, e) => decider.evolve(s, { type: e.type, data: e.data }), decider.initialState());
    // Every decider's state is a record of its fields (the deciders are typed per kind; this map holds them all).
    return { procedureId, position, eventsApplied: events.length, state: state as Record<string, unknown> };
  }

  /** Re-derives every hash of the whole log and checks every signed checkpoint (inspection committees only). */
  async verifyAll(user: AuthenticatedUser): Promise<VerificationReport> {
    if (!hasRole(user, 'inspection-committee')) {
      throw new ForbiddenException({
        message: 'Verifying the whole log is for inspection committees.',
        code: 'NOT_ALLOWED',
      });
    }
    return verifyLog(this.dataSource, { trustedKeys: this.keys.trusted });
  }

  /**
   * The procedure's evidence bundle (inspection committees only): its events, their inclusion proofs in the newest
   * signed tree head (the database's or the anchor file's, whichever is newer), the cosigned head and the signed
   * checkpoints naming its streams, with the offline verifier, as one Node script.
   */
  async evidence(user: AuthenticatedUser, procedureId: string): Promise<{ fileName: string; script: string }> {
    if (!hasRole(user, 'inspection-committee')) {
      throw new ForbiddenException({
        message: 'Evidence bundles are for inspection committees.',
        code: 'NOT_ALLOWED',
      });
    }
    await this.streamsOf(user, procedureId);
    const trusted = this.keys.trusted;
    const outside = (
      await Promise.all((trusted.anchors.anchorFiles ?? []).map((f) => new AnchorFile(f).notes()))
    ).flat();
    const bundle = await buildEvidence(
      this.dataSource,
      procedureId,
      { log: trusted.all()[0], witnesses: trusted.anchors.witnessKeys ?? [] },
      outside,
    ).catch((error: unknown) => {
      if (error instanceof NoSuchProcedureError) {
        throw new NotFoundException({ message: `No events of procedure "${procedureId}".`, code: 'NOT_FOUND' });
      }
      throw error;
    });
    return { fileName: `evidence-${procedureId.replace(/[^\w.-]+/g, '_')}.cjs`, script: evidenceScript(bundle) };
  }

  /** The procedure's streams, if the caller may read its trail: inspection committees and its own bodies. */
  private async streamsOf(user: AuthenticatedUser, procedureId: string): Promise<string[]> {
    const rows: { procedure_id: string; body_id: string }[] = await this.dataSource.query(
      `SELECT procedure_id, body_id FROM procedure_summaries WHERE procedure_id = $1 OR root_id = $1 ORDER BY procedure_id`,
      [procedureId],
    );
    const own = rows.find((r) => r.procedure_id === procedureId);
    if (!own) throw new NotFoundException({ message: `No procedure "${procedureId}".`, code: 'NOT_FOUND' });
    if (!(await this.visibility.canSee(user, own.body_id))) {
      throw new ForbiddenException({
        message: `You may not read the trail of procedures of ${own.body_id}.`,
        code: 'NOT_ALLOWED',
      });
    }
    const streams: { stream_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT stream_id FROM events WHERE stream_id = $1 OR stream_id LIKE $2 ORDER BY stream_id`,
      [procedureId, `${procedureId.replace(/[\\%_]/g, '\\$&')}/%`],
    );
    return streams.map((s) => s.stream_id);
  }
}
