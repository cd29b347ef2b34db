import { TaskMatcher } from './task-matcher';

describe('task matcher', () => {
  it('hands a task to the oldest waiting poll, or queues it in order', async () => {
    const matcher = new TaskMatcher<string>();
    const first = matcher.poll('q', 1000);
    const second = matcher.poll('q', 1000);
    matcher.offer('q', 'a');
    matcher.offer('q', 'b');
    matcher.offer('q', 'c');
    await expect(first).resolves.toBe('a');
    await expect(second).resolves.toBe('b');
    await expect(matcher.poll('q', 1000)).resolves.toBe('c');
  });

  it('answers nothing on timeout, cancellation and close', async () => {
    const matcher = new TaskMatcher<string>();
    await expect(matcher.poll('q', 10)).resolves.toBeNull();
    let cancel: () => void = () => undefined;
    const cancelled = matcher.poll('q', 10_000, { onCancel: (cb) => (cancel = cb) });
    cancel();
    await expect(cancelled).resolves.toBeNull();
    matcher.offer('q', 'kept');
    await expect(matcher.poll('q', 10)).resolves.toBe('kept');
    const held = matcher.poll('q', 10_000);
    matcher.close();
    await expect(held).resolves.toBeNull();
  });

  it('knows which queues are polled and drains a queue', async () => {
    const matcher = new TaskMatcher<string>();
    expect(matcher.isPolled('sticky', 1000)).toBe(false);
    const poll = matcher.poll('sticky', 10);
    expect(matcher.isPolled('sticky', 1000)).toBe(true);
    await poll;
    matcher.offer('sticky', 'x');
    expect(matcher.drain('sticky')).toEqual(['x']);
    expect(matcher.backlog('sticky')).toBe(0);
  });
});
