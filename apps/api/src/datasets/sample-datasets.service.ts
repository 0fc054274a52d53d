import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import type { ImportedRow } from '@arbiter/datasets';
import type { FieldDefinition } from '@arbiter/engine';
import { coupon, couponActionId } from '@arbiter/engine/examples';
import type { Actor } from '../auth/actor';
import { DatasetsService, type UploadOptions } from './datasets.service';

/** apps/api/data/samples, from src/datasets (tests) and dist/datasets (built) alike. */
export const SAMPLES_DIR = join(__dirname, '..', '..', 'data', 'samples');

export const COUPON_SAMPLE = 'In-vehicle coupon recommendation (UCI, sample)';
export const OPEN_BANDIT_SAMPLE = 'Open Bandit Dataset, random/men (ZOZO, sample)';
export const RETAIL_SAMPLE = 'Retail bank customers (generated demo)';

/** `Bar|1d` (the joined coupon and expiration columns) → `bar-1d`, the coupon example's action id. */
export function couponLoggedAction(row: ImportedRow): ImportedRow {
  if (!row.logged) return row;
  const [offer = '', expiration = ''] = row.logged.actionId.split('|');
  const actionId = couponActionId({ coupon: offer, expiration });
  return actionId ? { ...row, logged: { ...row.logged, actionId } } : row;
}

/**
 * The coupon sample's columns, none of them hashed. The coupon example marks gender, age, marital status,
 * children and income personal, so any other upload of such data hashes them by default; this file is a
 * published, anonymous survey (CC BY 4.0, no identifiers, coarse categories), and its demo strategy reads
 * those values in clear: its acceptance models weigh them and its bar rule compares the age band to
 * 'below21', which a hash never equals. The declared customer schema keeps them personal.
 */
const COUPON_SAMPLE_FIELDS = (coupon.schema.customer ?? []).map(({ personal: _personal, ...field }) => field);

/**
 * The retail sample's customer columns (retail-demo/README.md), typed and in clear (invented people):
 * the retail demo strategy compares each of them. `ageYears`, not `age`: the coupon sample's `age` is
 * an age band.
 */
export const RETAIL_SAMPLE_FIELDS: FieldDefinition[] = [
  { name: 'ageYears', type: 'number', label: 'age' },
  { name: 'segment', type: 'string', allowedValues: ['gold', 'silver', 'bronze'] },
  { name: 'churnRisk', type: 'number', label: 'churn risk (0–1)' },
  { name: 'hasCard', type: 'boolean', label: 'has a credit card' },
];

interface Sample {
  name: string;
  file: string;
  options: Omit<UploadOptions, 'name'>;
}

const OBD_FIELDS = [
  ...Array.from({ length: 4 }, (_, i) => `user_feature_${i}`),
  ...Array.from({ length: 34 }, (_, i) => `user-item_affinity_${i}`),
];

export const SAMPLES: Sample[] = [
  {
    name: COUPON_SAMPLE,
    file: 'uci-in-vehicle-coupon-recommendation/in-vehicle-coupon-recommendation.csv',
    options: {
      format: 'csv',
      // Customer fields: every column but the offer (coupon, expiration) and the answer (Y).
      mapping: { loggedAction: ['coupon', 'expiration'], outcome: 'Y' },
      schema: COUPON_SAMPLE_FIELDS,
      transform: couponLoggedAction,
    },
  },
  {
    name: OPEN_BANDIT_SAMPLE,
    file: 'open-bandit-dataset-small/random/men/men.csv',
    options: {
      format: 'csv',
      mapping: {
        fields: OBD_FIELDS,
        loggedAction: 'item_id',
        outcome: 'click',
        loggingPropensity: 'propensity_score',
        useCustomerSchema: false,
      },
    },
  },
  {
    name: RETAIL_SAMPLE,
    file: 'retail-demo/retail-demo.csv',
    options: {
      format: 'csv',
      mapping: {
        customerId: 'customerId',
        loggedAction: 'offer',
        outcome: 'accepted',
        loggingPropensity: 'propensity',
        segmentColumns: ['segment'],
      },
      schema: RETAIL_SAMPLE_FIELDS,
    },
  },
];

/** The sample datasets shipped in apps/api/data/samples (two real ones and a generated one; a README beside each). */
@Injectable()
export class SampleDatasetsService {
  private readonly logger = new Logger('SampleDatasets');

  constructor(private readonly datasets: DatasetsService) {}

  /** Imports the samples that are not there yet (by name); returns the names imported now. */
  async seed(actor: Actor | null): Promise<string[]> {
    const imported: string[] = [];
    for (const sample of SAMPLES) {
      if (await this.datasets.findByName(sample.name)) continue;
      const path = join(SAMPLES_DIR, sample.file);
      if (!existsSync(path)) {
        this.logger.warn(`Sample dataset file missing: ${path}`);
        continue;
      }
      const dataset = await this.datasets.upload(actor, createReadStream(path), {
        name: sample.name,
        ...sample.options,
      });
      this.logger.log(`Sample dataset "${sample.name}": ${dataset.rowCount} rows`);
      imported.push(sample.name);
    }
    return imported;
  }
}
