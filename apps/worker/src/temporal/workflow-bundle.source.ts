import { Injectable } from '@nestjs/common';
import type { WorkflowBundleOption, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { procedureWorkflowBundle } from './workflow-bundle';

/**
 * Gives the worker its workflow bundle: the build's prebuilt file in production, bundled from the sources otherwise;
 * tests provide one built once for many workers.
 */
@Injectable()
export class WorkflowBundleSource {
  private bundle?: Promise<WorkflowBundleOption>;

  constructor(prebuilt?: WorkflowBundleWithSourceMap) {
    if (prebuilt) this.bundle = Promise.resolve(prebuilt);
  }

  get(): Promise<WorkflowBundleOption> {
    this.bundle ??= procedureWorkflowBundle();
    return this.bundle;
  }
}
