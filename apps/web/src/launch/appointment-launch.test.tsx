import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskView } from '../api/views';
import { dayjs } from '../shared/dates';
import { personnelReviewForm } from '../tasks/PersonnelReviewDecision';
import { renderVi } from '../test/render';
import { checkLaunch, kindFields, launchBody, launchFieldOf, type LaunchFields } from './launch-rules';
import { LaunchForm } from './LaunchForm';

const fields = (over: Partial<LaunchFields>): LaunchFields => ({
  kind: 'appointment',
  organisationId: 'org/bac-ninh',
  variant: 'transfer',
  postTitle: ' Chánh Văn phòng Tỉnh ủy ',
  candidateIds: ['person/bn-02'],
  ...over,
});

describe('launching an appointment', () => {
  it('sends its form, the post trimmed and whether it is under central management', () => {
    expect(kindFields('appointment')).toMatchObject({ appointment: true, congressDate: false, seats: false });
    expect(launchBody(fields({ centralManagement: true }))).toEqual({
      kind: 'appointment',
      organisationId: 'org/bac-ninh',
      launchDate: undefined,
      candidateIds: ['person/bn-02'],
      variant: 'transfer',
      postTitle: 'Chánh Văn phòng Tỉnh ủy',
      centralManagement: true,
    });
    expect(launchFieldOf('postTitle')).toEqual(['postTitle']);
    expect(launchFieldOf('person')).toEqual(['candidateIds']);
  });

  it('names nobody for an appointment within the unit, exactly one person for every other form', () => {
    const today = dayjs('2025-03-01');
    expect(checkLaunch(fields({}), today)).toEqual([]);
    expect(checkLaunch(fields({ variant: 'ratification', candidateIds: [] }), today)).toEqual([
      { name: ['candidateIds'], key: 'launch.appointmentOnePerson' },
    ]);
    expect(checkLaunch(fields({ variant: 'rotation', candidateIds: ['a', 'b'] }), today)[0]?.key).toBe(
      'launch.appointmentOnePerson',
    );
    expect(checkLaunch(fields({ variant: 'appointment' }), today)).toEqual([
      { name: ['candidateIds'], key: 'launch.appointmentNoPerson' },
    ]);
    expect(checkLaunch(fields({ variant: 'appointment', candidateIds: [] }), today)).toEqual([]);
  });
});

describe('LaunchForm for an appointment', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response(JSON.stringify({ items: [], total: 0, page: 1, pageSize: 20 }))),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('offers the appointment with its forms and post in Vietnamese, and no congress date', async () => {
    renderVi(<LaunchForm onSubmit={() => Promise.resolve()} />);
    fireEvent.mouseDown(screen.getByLabelText('Loại quy trình'));
    fireEvent.click(await screen.findByText('Bổ nhiệm, giới thiệu ứng cử'));
    await waitFor(() => expect(screen.getByLabelText('Chức danh')).toBeTruthy());
    expect(screen.queryByLabelText('Ngày đại hội')).toBeNull();
    expect(screen.getByText('Chức danh thuộc diện Trung ương quản lý')).toBeTruthy();
    fireEvent.mouseDown(screen.getByLabelText('Hình thức'));
    expect(await screen.findByText('Bầu bổ sung cấp ủy viên, cấp trên chuẩn y')).toBeTruthy();
    expect(screen.getByText('Luân chuyển')).toBeTruthy();
  });
});

describe('the task of ratifying an elected member', () => {
  it('offers to ratify or refuse, not to return', () => {
    const task = { procedureKind: 'appointment', stepId: 'ratification', decision: 'approval' } as TaskView;
    const form = personnelReviewForm(task, undefined, ['person/ts-10'], String, () => Promise.resolve());
    expect(form?.props).toMatchObject({ choices: ['approve', 'reject'] });
    const other = personnelReviewForm({ ...task, stepId: 'step-1' }, undefined, [], String, () => Promise.resolve());
    expect(other).toBeNull();
  });
});
