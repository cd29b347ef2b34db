import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { demoOrganisation, membershipsOf, relativesOf, type OrganisationModel, type Person } from '@cadreflow/domain';
import { commandUpdate } from '@cadreflow/workflows/messages';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { TemporalClientHolder } from '../temporal/temporal-client.provider';
import { ProceduresService } from './procedures.service';

/**
 * Personnel files under QĐ 205/114: a candidate's file is secret during a procedure, and every read is recorded
 * in the procedure's trail (who, in which role, why) before the file is shown.
 */
@Injectable()
export class DossierService {
  private readonly organisation: OrganisationModel = demoOrganisation;

  constructor(
    private readonly procedures: ProceduresService,
    private readonly temporal: TemporalClientHolder,
  ) {}

  async read(user: AuthenticatedUser, procedureId: string, personId: string, purpose: string | undefined) {
    if (!purpose || purpose.trim().length < 3) {
      throw new BadRequestException({
        message: 'Say why you read this file: ?purpose=... (it is recorded).',
        code: 'VALIDATION',
      });
    }
    const { summary } = await this.procedures.get(user, procedureId);
    if (summary.status !== 'running') {
      throw new ForbiddenException({ message: 'Files are read through a running procedure.', code: 'NOT_ALLOWED' });
    }
    const person: Person | undefined = this.organisation.people.find((p) => p.id === personId);
    if (!person) throw new NotFoundException({ message: `No personnel file for "${personId}".`, code: 'NOT_FOUND' });
    const grant = user.grants[0];
    if (!grant || !user.personId)
      throw new ForbiddenException({ message: 'Only a person acting for a body may read files.', code: 'NOT_ALLOWED' });
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
    const today = new Date().toISOString().slice(0, 10);
    return {
      classification: 'secret',
      accessRecorded: recorded,
      person,
      memberships: this.organisation.memberships.filter((m) => m.personId === personId),
      currentBodies: this.organisation.bodies
        .filter((b) => membershipsOf(this.organisation, b.id, today).some((m) => m.personId === personId))
        .map((b) => b.id),
      declaredRelatives: relativesOf(this.organisation.relations, personId),
    };
  }
}
