import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { renderVi } from '../test/render';
import { AssetVerificationForm } from './AssetVerificationForm';

const declaration = { reference: 'KK-1/2026', filedOn: '2026-12-06T08:00:00.000Z', verified: false };

describe('AssetVerificationForm', () => {
  it('says the verification waits for the declaration while none is filed, and offers no form', () => {
    renderVi(<AssetVerificationForm candidate="Lê Đức Trung" declaration={undefined} onSubmit={vi.fn()} />);
    expect(screen.getByText(/chưa ghi nhận bản kê khai tài sản, thu nhập của Lê Đức Trung/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ghi kết quả xác minh' })).toBeNull();
  });

  it('shows the filed declaration with its day as dd/mm/yyyy and asks for the finding before sending', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderVi(<AssetVerificationForm candidate="Lê Đức Trung" declaration={declaration} onSubmit={onSubmit} />);
    expect(screen.getByText('Bản kê khai của Lê Đức Trung: KK-1/2026, nộp ngày 06/12/2026.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Kết luận xác minh'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả xác minh' }));
    expect(await screen.findByText('Cần ghi kết luận xác minh')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends whether the declaration is truthful with the finding, trimmed', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderVi(<AssetVerificationForm candidate="Lê Đức Trung" declaration={declaration} onSubmit={onSubmit} />);
    fireEvent.click(screen.getByLabelText('Kê khai không trung thực'));
    fireEvent.change(screen.getByLabelText('Kết luận xác minh'), { target: { value: ' Thiếu một thửa đất ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả xác minh' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ consistent: false, finding: 'Thiếu một thửa đất' }));
  });

  it("shows the server's refusal in Vietnamese, and a corrected retry is sent again", async () => {
    const onSubmit = vi
      .fn<(p: { consistent: boolean; finding: string }) => Promise<void>>()
      .mockRejectedValueOnce(new ApiError(409, { statusCode: 409, code: 'DECLARATION_NOT_FILED', message: 'x' }))
      .mockResolvedValueOnce(undefined);
    renderVi(<AssetVerificationForm candidate="Lê Đức Trung" declaration={declaration} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText('Kết luận xác minh'), { target: { value: 'Khớp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả xác minh' }));
    expect(await screen.findByText('Chưa nộp bản kê khai tài sản.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả xác minh' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
  });
});
