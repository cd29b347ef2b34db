import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CandidatePicker } from '../launch/CandidatePicker';
import { TallyForm } from '../tasks/TallyForm';
import { renderVi } from '../test/render';
import { useNames } from './names';

/** The demo registry's namesakes (one known by the year of birth only) and a third person. */
const people: Record<string, { fullName: string; birthDate: string }> = {
  'person/bn-38': { fullName: 'Lê Thanh Mai', birthDate: '1971-11-27' },
  'person/bn-40': { fullName: 'Lê Thanh Mai', birthDate: '1975-03-02' },
  'person/bn-14': { fullName: 'Lê Thanh Mai', birthDate: '1985' },
  'person/bn-41': { fullName: 'Nguyễn Văn An', birthDate: '1970-01-15' },
};

function stubRegistry(): void {
  vi.stubGlobal(
    'fetch',
    vi.fn((input: Request | string) => {
      const url = new URL(typeof input === 'string' ? input : input.url, 'http://localhost');
      const id = decodeURIComponent(url.pathname.replace('/registry/people/', ''));
      const person = people[id];
      const body = person
        ? { id, gender: 'female', posts: [], memberships: [], relatives: [], ...person }
        : { statusCode: 404, code: 'PERSON_NOT_FOUND', message: 'x' };
      return Promise.resolve(
        new Response(JSON.stringify(body), {
          status: person ? 200 : 404,
          headers: { 'Content-Type': 'application/json' },
        }),
      );
    }),
  );
}

/** The tally form as the task page gives it its names: through the shared lookup. */
function Tally({ ids }: { ids: string[] }) {
  const name = useNames(ids);
  return <TallyForm candidateIds={ids} name={name} onSubmit={() => Promise.resolve()} />;
}

describe('names of people in a list', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tells namesakes apart by birth date in the tally form, and leaves a name nobody shares alone', async () => {
    stubRegistry();
    renderVi(<Tally ids={['person/bn-38', 'person/bn-40', 'person/bn-41']} />);
    expect(await screen.findByLabelText('Phiếu cho Lê Thanh Mai (27/11/1971)')).toBeTruthy();
    expect(screen.getByLabelText('Phiếu cho Lê Thanh Mai (02/03/1975)')).toBeTruthy();
    expect(screen.getByLabelText('Phiếu cho Nguyễn Văn An')).toBeTruthy();
  });

  it('shows the name alone when only one person of the list has it', async () => {
    stubRegistry();
    renderVi(<Tally ids={['person/bn-38', 'person/bn-41']} />);
    expect(await screen.findByLabelText('Phiếu cho Lê Thanh Mai')).toBeTruthy();
  });

  it('tells namesakes apart in the launch picker too, by the year when only the year is known', async () => {
    stubRegistry();
    renderVi(<CandidatePicker value={['person/bn-38', 'person/bn-14']} />);
    expect(await screen.findByText('Lê Thanh Mai (27/11/1971)')).toBeTruthy();
    expect(screen.getByText('Lê Thanh Mai (1985)')).toBeTruthy();
  });
});
