import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { renderVi } from '../test/render';
import { NominationForm } from './NominationForm';

const names: Record<string, string> = {
  'person/a': 'Nguyễn Văn An',
  'person/b': 'Trần Thị Bình',
  'person/c': 'Lê Văn Cường',
};
const name = (id: string): string => names[id] ?? '';

describe('NominationForm', () => {
  const render = (onSubmit: () => Promise<void>) =>
    renderVi(
      <NominationForm
        office="standing-committee"
        seats={2}
        eligibleIds={['person/a', 'person/b', 'person/c']}
        name={name}
        onSubmit={onSubmit}
      />,
    );

  it('names the office and the people who may stand, by name', () => {
    render(() => Promise.resolve());
    expect(screen.getByText(/Ban Thường vụ/)).toBeTruthy();
    expect(screen.getByLabelText('Trần Thị Bình')).toBeTruthy();
  });

  it('refuses fewer names than seats before anything is sent, then sends the ticked ids', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    render(onSubmit);
    fireEvent.click(screen.getByLabelText('Nguyễn Văn An'));
    fireEvent.click(screen.getByRole('button', { name: 'Ghi quyết định' }));
    await waitFor(() => expect(document.querySelector('.ant-form-item-explain-error')).not.toBeNull());
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByLabelText('Trần Thị Bình'));
    fireEvent.click(screen.getByRole('button', { name: 'Ghi quyết định' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({ kind: 'nomination', candidateIds: ['person/a', 'person/b'] });
  });

  it('shows a refusal for relatives in linked posts with the people by name, never their ids', async () => {
    const refusal = new ApiError(422, {
      statusCode: 422,
      code: 'FIRST_SESSION_RELATIVES_LINKED_POSTS',
      params: { office: 'standing-committee', personIds: ['person/a'], relativeIds: ['person/b'] },
    });
    render(() => Promise.reject(refusal));
    fireEvent.click(screen.getByLabelText('Nguyễn Văn An'));
    fireEvent.click(screen.getByLabelText('Trần Thị Bình'));
    fireEvent.click(screen.getByRole('button', { name: 'Ghi quyết định' }));
    const refused = await screen.findByText(/^Không giới thiệu được Nguyễn Văn An: /);
    expect(refused.textContent).toContain('của Trần Thị Bình');
    expect(refused.textContent).not.toContain('person/');
  });
});
