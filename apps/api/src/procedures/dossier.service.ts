import { Injectable } from '@nestjs/common';
import { membershipsOf, postById, relativesOf, type Person } from '@cadreflow/domain';
import { commandUpdate } from '@cadreflow/workflows/messages';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiError } from '../errors/api-error';
import { Names } from '../organisation/names';
import { OrganisationDirectory, today } from '../organisation/organisation-directory.service';
import { TemporalClientHolder } from '../temporal/temporal-client.provider';
import type { DossierDto } from './procedure-views.dto';
import { ProceduresService } from './procedures.service';

/**
 * Personnel files under QĐ 205/114: a candidate's file is secret during a procedure, and every read is recorded
 * in the procedure's trail (who, in which role, why) before the file is shown. The file is the registry's record.
 */
@Injectable()
export class DossierService {
  constructor(
    private readonly procedures: ProceduresService,
    private readonly temporal: TemporalClientHolder,
    private readonly directory: OrganisationDirectory,
  ) {}

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
    const summary = await this.procedures.summary(user, procedureId);
    if (summary.status !== 'running') {
      throw new ApiError(409, 'PROCEDURE_NOT_RUNNING', 'Files are read through a running procedure.', {
        params: { procedureId },
      });
    }
    const model = await this.directory.model();
    const person: Person | undefined = model.people.find((p) => p.id === personId);
    if (!person) {
      throw new ApiError(404, 'PERSON_NOT_FOUND', `No personnel file for "${personId}".`, { params: { personId } });
    }
    const grant = user.grants[0];
    if (!grant || !user.personId) {
      throw new ApiError(403, 'DOSSIER_NO_ACTOR', 'Only a person acting for a body may read files.');
    }
    const handle = (await this.temporal.get()).workflow.getHandle(procedureId);
    const recorded = await handle.executeUpdate(commandUpdate, {
      args: [
        {
          actor: { actorId: user.personId, role: grant.role, bodyId: grant.bodyId },
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
}
