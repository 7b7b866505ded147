// History: compact records of runs (store, read, thin) and the series the change points are found in.
export { RECORD_FORMAT, HistoryRecordSchema, type HistoryRecord, type RecordVariant, type RecordSamples, type RecordVerdicts } from './record-schema.ts';
export { environmentFingerprint, isReportUrl, makeRecord, runnerLabel, type RecordContext } from './make-record.ts';
export { readHistory, readRecordFile, recordFileName, serializeRecord, writeRecord } from './store.ts';
export { expandRecord } from './expand.ts';
export { collectSeries, metricSource, parseVariantId, seriesId, valuesOf, type Series, type SeriesKey, type SeriesPoint } from './series.ts';
export { readCommitInfo } from './commit-info.ts';
export { findChanges, type ChangeFinding, type ChangeOptions, type CreepFinding, type RunRef } from './changes.ts';
export { formatChange, formatCreep, formatPct, shortRun } from './format.ts';
export { planThinning, type ThinningPlan } from './thin.ts';
