import { moreConformanceSuite } from './conformance-more.suite';

describe('embedded Temporal: timeouts, retries, policies and admin RPCs (maxCachedWorkflows: 0)', () => {
  moreConformanceSuite(0);
});
