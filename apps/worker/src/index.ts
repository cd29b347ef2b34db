export { WorkerModule } from './worker.module';
export { WorkerSettings } from './worker-settings';
export { bundleProcedureWorkflows } from './temporal/workflow-bundle';
export { ProcedureActivitiesService } from './activities/procedure.activities';
export { installTemporalRuntime } from './temporal/runtime';
export { RegistryRelationsSource, RelationsSource } from './activities/relations.source';
export { SHARED_MODULES } from './temporal/workflow-bundle';
export { workflowSpanSink } from './temporal/tracing';
