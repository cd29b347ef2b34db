import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { membershipsOf, postById, relativesOf, type OrganisationModel, type Person } from '@cadreflow/domain';
import { commandUpdate, type ActorRef } from '@cadreflow/workflows/messages';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { grantCovers } from '../auth/grants';
import { ApiError } from '../errors/api-error';
import { DEFAULT_DOSSIER_POLICY, DossierPolicy, decidingRoles } from './dossier-policy';
import { Names } from '../organisation/names';
import { OrganisationDirectory, today } from '../organisation/organisation-directory.service';
import { TemporalClientHolder } from '../temporal/temporal-client.provider';
import type { DossierDto } from './procedure-views.dto';
import { ProceduresService } from './procedures.service';

/**
 * Personnel files under QĐ 205/114: a candidate's file is secret during a procedure and read by need to know
 * ({@link DossierPolicy}): never by the person themselves or a declared relative. Every read is an event of the
 * procedure's trail (`DossierAccessed`: who, in which role, why), recorded before the file is shown; every refusal
 * is a row of the append-only `dossier_access_refusals` table, as a refusal changes nothing in the procedure and the
 * procedure's stream is written by its workflow alone. The file is the registry's record.
 */
@Injectable()
export class DossierService {
  private readonly policy: DossierPolicy;

  constructor(
    private readonly procedures: ProceduresService,
    private readonly temporal: TemporalClientHolder,
    private readonly directory: OrganisationDirectory,
    private readonly dataSource: DataSource,
    @Optional() policy?: DossierPolicy,
  ) {
    this.policy = policy ?? DEFAULT_DOSSIER_POLICY;
  }

  async read(
    user: AuthenticatedUser,
    procedureId: string,
    personId: string,
    purpose: string | undefined,
  ): Promise<DossierDto> {
    if (typeof purpose !== 'string' || purpose.trim().length < 3) {
      throw new ApiError(
        400,
        'DOSSIER_PURPOSE_REQUIRED',
        'Say why you read this file: ?purpose=... (it is recorded).',
        { field: 'purpose', params: { min: 3 } },
      );
    }
    const model = await this.directory.model();
    let actor: ActorRef;
    try {
      const summary = await this.procedures.summary(user, procedureId);
      if (summary.status !== 'running') {
        throw new ApiError(409, 'PROCEDURE_NOT_RUNNING', 'Files are read through a running procedure.', {
          params: { procedureId },
        });
      }
      actor = await this.needToKnow(user, model, procedureId, personId);
    } catch (error) {
      if (error instanceof ApiError && error.getStatus() === 403) {
        await this.recordRefusal(user, procedureId, personId, error.code, purpose.trim());
      }
      throw error;
    }
    const person = model.people.find((p) => p.id === personId)!;
    const handle = (await this.temporal.get()).workflow.getHandle(procedureId);
    const recorded = await handle.executeUpdate(commandUpdate, {
      args: [
        {
          actor,
          command: {
            type: 'RecordDossierAccess',
            data: {
              dossierId: `dossier/${personId}`,
              subjectId: personId,
              classification: 'secret',
              purpose: purpose.trim(),
            },
          },
        },
      ],
    });
    const memberships = model.memberships.filter((m) => m.personId === personId);
    const relatives = relativesOf(model.relations, personId);
    const current = model.bodies.filter((b) =>
      membershipsOf(model, b.id, today()).some((m) => m.personId === personId),
    );
    const names = new Names(
      await this.directory.names([...memberships.map((m) => m.bodyId), ...relatives.map((r) => r.relativeId)]),
    );
    const postTitle = (postId: string | undefined): string | undefined => {
      try {
        return postId ? postById(model, postId).title : undefined;
      } catch {
        return undefined;
      }
    };
    return {
      classification: 'secret',
      accessRecorded: recorded,
      personId: person.id,
      fullName: person.fullName,
      gender: person.gender,
      birthDate: person.birthDate,
      memberships: memberships.map((m) => ({
        bodyId: m.bodyId,
        bodyName: names.of(m.bodyId),
        ...(m.postId ? { postId: m.postId, postTitle: postTitle(m.postId) ?? m.postId } : {}),
        from: m.from,
        to: m.to ?? null,
      })),
      currentBodies: current.map((b) => ({ id: b.id, name: b.name })),
      declaredRelatives: relatives.map((r) => ({
        personId: r.relativeId,
        personName: names.of(r.relativeId),
        kind: r.kind,
      })),
    };
  }

  /**
   * The grant under which the caller needs the file, or a 403 saying why not: nobody reads their own file or a
   * declared relative's; the roles of {@link DossierPolicy.anyTime} read any; the others only while a step about the
   * person is open for their decision.
   */
  private async needToKnow(
    user: AuthenticatedUser,
    model: OrganisationModel,
    procedureId: string,
    personId: string,
  ): Promise<ActorRef> {
    const person: Person | undefined = model.people.find((p) => p.id === personId);
    if (!person) {
      throw new ApiError(404, 'PERSON_NOT_FOUND', `No personnel file for "${personId}".`, { params: { personId } });
    }
    const params = { personId, personName: person.fullName };
    if (!user.personId || user.grants.length === 0) {
      throw new ApiError(403, 'DOSSIER_NO_ACTOR', 'Only a person acting for a body may read files.', { params });
    }
    if (user.personId === personId) {
      throw new ApiError(403, 'DOSSIER_SELF', 'Nobody reads their own file.', { params });
    }
    if (relativesOf(model.relations, user.personId).some((r) => r.relativeId === personId)) {
      throw new ApiError(403, 'DOSSIER_RELATIVE', "Nobody reads a declared relative's file.", { params });
    }
    const standing = user.grants.find((g) => this.policy.anyTime.includes(g.role));
    if (standing) return { actorId: user.personId, role: standing.role, bodyId: standing.bodyId };
    // A step with subjects is about them; a step without (adopting a plan, approving a list) is about every candidate
    // of the procedure.
    const steps = await this.dataSource.query<
      { role: string; body_id: string; step_kind: string | null; about_all: boolean }[]
    >(
      `SELECT role, body_id, step_kind, jsonb_array_length(subject_ids) = 0 AS about_all FROM tasks
        WHERE (procedure_id = $1 OR root_id = $1) AND status = 'open'
          AND (subject_ids ? $2 OR jsonb_array_length(subject_ids) = 0)`,
      [procedureId, personId],
    );
    let candidates: Set<string> | undefined;
    for (const step of steps) {
      if (!decidingRoles(this.policy, step.step_kind).some((role) => role === step.role)) continue;
      const grant = user.grants.find((g) => grantCovers(g, step.role, step.body_id));
      if (!grant) continue;
      if (step.about_all) {
        candidates ??= await this.candidatesOf(user, procedureId);
        if (!candidates.has(personId)) continue;
      }
      return { actorId: user.personId, role: grant.role, bodyId: step.body_id };
    }
    throw new ApiError(
      403,
      'DOSSIER_NEED_TO_KNOW',
      'None of your roles needs this file now: no open step about this person awaits your decision.',
      { params },
    );
  }

  /** The people a procedure is deciding on: its plan's candidates, or its candidates. */
  private async candidatesOf(user: AuthenticatedUser, procedureId: string): Promise<Set<string>> {
    const { state } = await this.procedures.get(user, procedureId);
    return new Set([...(state?.plan?.candidates ?? []), ...(state?.candidates ?? [])].map((c) => c.personId));
  }

  private async recordRefusal(
    user: AuthenticatedUser,
    procedureId: string,
    subjectId: string,
    code: string,
    purpose: string,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dossier_access_refusals (user_id, actor_id, procedure_id, subject_id, code, purpose, roles)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [user.userId, user.personId, procedureId, subjectId, code, purpose, JSON.stringify(user.grants)],
    );
  }
}
