// Findings of a run: the pure step between the significance test's edges and the stored run.
export {
  buildFindings, completeFindings, findingsDraft, type FindingsDraft, type FindingsOptions,
} from './build-findings.ts';
