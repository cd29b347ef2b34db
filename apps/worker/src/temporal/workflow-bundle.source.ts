import { Injectable } from '@nestjs/common';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleProcedureWorkflows } from './workflow-bundle';

/** Gives the worker its workflow bundle; tests provide one built once for many workers. */
@Injectable()
export class WorkflowBundleSource {
  private bundle?: Promise<WorkflowBundleWithSourceMap>;

  constructor(prebuilt?: WorkflowBundleWithSourceMap) {
    if (prebuilt) this.bundle = Promise.resolve(prebuilt);
  }

  get(): Promise<WorkflowBundleWithSourceMap> {
    this.bundle ??= bundleProcedureWorkflows();
    return this.bundle;
  }
}
