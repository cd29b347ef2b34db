/**
 * Works through `items` with `width` concurrent workers, each taking the next item as soon as its last is done (a
 * closed loop, as that many users who each act again once answered). Resolves with the seconds it took.
 */
export async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
  return (performance.now() - start) / 1000;
}
