import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderVi } from '../test/render';
import { CandidatePicker } from './CandidatePicker';

const people: Record<string, { fullName: string; birthDate: string }> = {
  'person/bn-04': { fullName: 'Hoàng Hữu Hải', birthDate: '1967-09-17' },
  'person/bn-26': { fullName: 'Lê Đức Trung', birthDate: '1965-11-07' },
  'person/bn-ot-01': { fullName: 'Trịnh Văn Tổ', birthDate: '1980-05-20' },
};

/** The registry's people, and the server's age checks as `GET /procedures/age-checks` answers them. */
function stubApi(requests: URL[]): void {
  vi.stubGlobal('fetch', (input: Request) => {
    const url = new URL(input.url, 'http://localhost');
    requests.push(url);
    const json = (body: unknown): Promise<Response> =>
      Promise.resolve(new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } }));
    if (url.pathname === '/procedures/age-checks') {
      const check = (
        personId: string,
        track: string,
        eligible: boolean,
        monthsLeft: number,
        retirementDate: string,
      ) => ({
        personId,
        track,
        eligible,
        monthsLeft,
        requiredMonths: track === 're-election' ? 48 : 60,
        retirementDate,
        rulebookId: 'rulebook/2025-2030@2025-10-08',
      });
      return json([
        check('person/bn-04', 're-election', false, 27, '2029-09-17'),
        check('person/bn-26', 'first-time', false, 17, '2028-11-07'),
        check('person/bn-ot-01', 'first-time', true, 179, '2042-05-20'),
      ]);
    }
    if (url.pathname === '/registry/people') return json({ items: [], total: 0, page: 1, pageSize: 20 });
    const id = decodeURIComponent(url.pathname.replace('/registry/people/', ''));
    return json({ id, gender: 'male', posts: [], memberships: [], relatives: [], ...people[id] });
  });
}

describe('CandidatePicker age check', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the rulebook's verdict at the congress (months of service left), not an age limit", async () => {
    const requests: URL[] = [];
    stubApi(requests);
    renderVi(
      <CandidatePicker
        value={['person/bn-04', 'person/bn-26', 'person/bn-ot-01']}
        organisationId="org/bac-ninh"
        congressDate="2027-06-15"
      />,
    );
    // 59 on the day of the launch, yet his retirement comes 27 months after the congress: too late for re-election.
    expect(
      await screen.findByText(
        'Không đủ tuổi tái cử: còn 27 tháng công tác đến tuổi nghỉ hưu (17/09/2029), cần 48 tháng',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(
        'Không đủ tuổi tham gia lần đầu: còn 17 tháng công tác đến tuổi nghỉ hưu (07/11/2028), cần 60 tháng',
      ),
    ).toBeTruthy();
    expect(screen.getAllByText('Đạt')).toHaveLength(1);
    const asked = requests.find((u) => u.pathname === '/procedures/age-checks');
    expect(Object.fromEntries(asked?.searchParams ?? [])).toEqual({
      organisationId: 'org/bac-ninh',
      congressDate: '2027-06-15',
      personIds: 'person/bn-04,person/bn-26,person/bn-ot-01',
    });
  });

  it('checks nobody for age before the congress date is given', async () => {
    const requests: URL[] = [];
    stubApi(requests);
    renderVi(<CandidatePicker value={['person/bn-04']} organisationId="org/bac-ninh" />);
    expect(await screen.findByText('Hoàng Hữu Hải')).toBeTruthy();
    expect(requests.some((u) => u.pathname === '/procedures/age-checks')).toBe(false);
  });
});
