import { describe, expect, it } from 'vitest';
import type { TaskView } from '../api/views';
import { i18n } from '../i18n';
import { newTaskMessage } from './queue-hooks';

describe('the announcement of a new task', () => {
  it("names a first session's round by its office, read from the task, without the session-wide number", async () => {
    const loaded: string[] = [];
    const message = await newTaskMessage(i18n.getFixedT('vi'), { taskId: 'task-7', stepId: 'round-4' }, (taskId) => {
      loaded.push(taskId);
      return Promise.resolve({
        taskId,
        stepId: 'round-4',
        stepKind: 'first-session-round',
        stepParams: { office: 'secretary', round: 4, seats: 1 },
      } as unknown as TaskView);
    });
    expect(loaded).toEqual(['task-7']);
    // Round 4 of the session is the secretary's first: the number within the office needs the trail (queue, task page).
    expect(message).toBe('Việc mới: Ban Kiểm phiếu ghi kết quả bầu Bí thư');
  });

  it('names the step by its id when the task cannot be read', async () => {
    const message = await newTaskMessage(i18n.getFixedT('vi'), { taskId: 'task-8', stepId: 'round-1' }, () =>
      Promise.resolve(undefined),
    );
    expect(message).toBe('Việc mới: Ban Kiểm phiếu ghi kết quả vòng bầu 1');
  });
});
