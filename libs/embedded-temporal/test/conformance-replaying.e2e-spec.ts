import { conformanceSuite } from './conformance.suite';

describe('embedded Temporal with the real SDK (maxCachedWorkflows: 0, full replay on every task)', () => {
  conformanceSuite(0);
});
