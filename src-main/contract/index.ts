// The contract between main and renderer: types and validators only.
export * from './models.js';
export * from './handlers.js';
export * from './validate.js';
export * from './export-plan.js';
