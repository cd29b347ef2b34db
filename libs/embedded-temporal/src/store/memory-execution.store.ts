import type { ExecutionState } from '../engine/execution-state';
import type { IHistoryEvent } from '../proto/temporal-proto';
import type { ExecutionStore, ExecutionWrite, NamespaceRecord, StoredData } from './execution-store';

/**
 * Keeps everything in this process. Reusing one instance across a stop and a start of the server keeps
 * its workflows, which is how tests exercise recovery without a database.
 *
 * @example
 * const store = new MemoryExecutionStore();
 * const first = await startEmbeddedTemporal({ store });
 */
export class MemoryExecutionStore implements ExecutionStore {
  private readonly states = new Map<string, string>();
  private readonly histories = new Map<string, IHistoryEvent[]>();
  private readonly namespaces = new Map<string, NamespaceRecord>();

  open(): Promise<StoredData> {
    return Promise.resolve({
      namespaces: [...this.namespaces.values()],
      executions: [...this.states.values()].map((json) => JSON.parse(json) as ExecutionState),
    });
  }

  readHistory(namespace: string, runId: string): Promise<IHistoryEvent[]> {
    return Promise.resolve([...(this.histories.get(`${namespace}/${runId}`) ?? [])]);
  }

  write(executions: readonly ExecutionWrite[], namespaces: readonly NamespaceRecord[]): Promise<void> {
    for (const ns of namespaces) this.namespaces.set(ns.name, ns);
    for (const write of executions) {
      const key = `${write.state.namespace}/${write.state.runId}`;
      this.states.set(key, JSON.stringify(write.state));
      let history = this.histories.get(key);
      if (!history) {
        history = [];
        this.histories.set(key, history);
      }
      history.length = write.firstEventId - 1;
      history.push(...write.newEvents);
    }
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
