// The troll-factory simulator: a pure, seeded generator of organic life and troll factories, and writers
// that put its output into real import formats with a ground truth.
export { defaultScenario, scenarioFor, DEFAULT_START, type ScenarioParams, type ScenarioOptions } from './scenario.ts';
export { simulate, type Simulation } from './engine.ts';
export type { SimAccount, SimAction, FactoryPlan, OperatorPlan, Page, Role, World } from './types.ts';
export { SIM_FORMATS, type SimFormat } from './write-formats.ts';
export { simulateToDir, defaultPortraitDir, type SimulateSummary, type SimulateToDirOptions } from './simulate-to-dir.ts';
export { TRUTH_HEADER, ACTION_HEADER, ACCOUNT_HEADER } from './format-generic.ts';
