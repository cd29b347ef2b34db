import { moreConformanceSuite } from './conformance-more.suite';

describe('embedded Temporal: timeouts, retries, policies and admin RPCs (workflow cache on)', () => {
  moreConformanceSuite(undefined);
});
