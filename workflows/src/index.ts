/**
 * The workflow functions the Worker registers (bundled from this file). Messages live in `./messages`, the
 * activity contract in `./activities`.
 */
export {
  appointmentWorkflow,
  cadreOpinionWorkflow,
  classificationWorkflow,
  confidenceVoteWorkflow,
  electionWorkflow,
  firstSessionWorkflow,
  introductionWorkflow,
  personnelPlanWorkflow,
  vettingWorkflow,
} from './procedure.workflow';
export { congressPersonnelWorkflow } from './congress-personnel.workflow';
