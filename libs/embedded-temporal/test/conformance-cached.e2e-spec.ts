import { conformanceSuite } from './conformance.suite';

describe('embedded Temporal with the real SDK (workflow cache on)', () => {
  conformanceSuite(undefined);
});
