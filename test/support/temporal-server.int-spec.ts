import { Connection } from '@temporalio/client';
import { startTestTemporal, TimeSkippingUnavailableError } from './temporal-server';

describe('startTestTemporal', () => {
  const saved = process.env.TEMPORAL_ADDRESS;
  afterEach(() => {
    if (saved === undefined) delete process.env.TEMPORAL_ADDRESS;
    else process.env.TEMPORAL_ADDRESS = saved;
  });

  it('starts an embedded server when TEMPORAL_ADDRESS is not set, whose clock the test moves', async () => {
    delete process.env.TEMPORAL_ADDRESS;
    const temporal = await startTestTemporal();
    try {
      expect(temporal.kind).toBe('embedded');
      const connection = await Connection.connect({ address: temporal.address });
      const { namespaceInfo } = await connection.workflowService.describeNamespace({ namespace: temporal.namespace });
      await connection.close();
      expect(namespaceInfo?.name).toBe('default');
      const before = temporal.now().getTime();
      temporal.skipTime('2 days');
      expect(temporal.now().getTime() - before).toBeGreaterThanOrEqual(2 * 86_400_000);
    } finally {
      await temporal.stop();
    }
  });

  it('hands out the server at TEMPORAL_ADDRESS, which cannot skip time and outlives the file', async () => {
    process.env.TEMPORAL_ADDRESS = '127.0.0.1:7233';
    const temporal = await startTestTemporal();
    expect([temporal.kind, temporal.address, temporal.port, temporal.namespace]).toEqual([
      'real',
      '127.0.0.1:7233',
      7233,
      'default',
    ]);
    expect(() => temporal.skipTime('1 minute')).toThrow(TimeSkippingUnavailableError);
    await expect(temporal.stop()).resolves.toBeUndefined();
  });
});
