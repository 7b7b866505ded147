// The JSON Schemas committed under schema/, each generated from its TypeBox source.
import type { TSchema } from '@sinclair/typebox';
import { ScenarioFileSchema } from '../src/scenario/schema.ts';
import { ResultsFileSchema } from '../src/results/schema.ts';
import { HistoryRecordSchema } from '../src/history/record-schema.ts';
import { AcknowledgedFileSchema } from '../src/scenario/acknowledged.ts';

export const SCHEMAS: { file: string; schema: TSchema }[] = [
  { file: 'schema/scenario.schema.json', schema: ScenarioFileSchema },
  { file: 'schema/results.schema.json', schema: ResultsFileSchema },
  { file: 'schema/history-record.schema.json', schema: HistoryRecordSchema },
  { file: 'schema/acknowledged.schema.json', schema: AcknowledgedFileSchema },
];
