import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ActionsService } from '../../actions/actions.service';
import { hashPassword } from '../../auth/passwords';
import { CustomerSchemaService } from '../../customer-schema/customer-schema.service';
import { SampleDatasetsService } from '../../datasets/sample-datasets.service';
import { DatasetsService } from '../../datasets/datasets.service';
import { DatasetStatus } from '../../datasets/dataset.entity';
import { SchemaScope, type FieldType } from '../../customer-schema/schema-field.entity';
import { StrategiesService } from '../../strategies/strategies.service';
import { UsersRepository } from '../../users/users.repository';
import { UsersService } from '../../users/users.service';
import type { Actor } from '../../auth/actor';
import type { CreateAction } from '../../actions/dto/action.inputs';
import type { CreateStrategy } from '../../strategies/dto/strategy.types';
import {
  DEMO_ACTIONS,
  DEMO_PROTECTED_FIELDS,
  DEMO_SCHEMA,
  DEMO_STRATEGIES,
  DEMO_USERS,
  type DemoStrategy,
} from './demo-data';
import { publishDemoStrategy } from './publish-demo-strategy';

export interface DemoSeedResult {
  password: string;
  users: string[];
}

/**
 * The quick start's demo data: one user per role (all with one password, printed by the caller),
 * a catalog, schema and two strategies, each published after a simulation on the sample dataset of
 * its business line (retail offers on the generated retail sample; in-vehicle coupons, the coupon
 * sample's example, on the coupon sample). Re-running resets the demo users' password and adds only
 * what is missing. Refuses to run in production.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    private readonly actions: ActionsService,
    private readonly schema: CustomerSchemaService,
    private readonly strategies: StrategiesService,
    private readonly sampleDatasets: SampleDatasetsService,
    private readonly modules: ModuleRef,
    private readonly datasets: DatasetsService,
  ) {}

  async seed(): Promise<DemoSeedResult> {
    if (this.config.env === 'production')
      throw new Error('The demo seed never runs with NODE_ENV=production.');
    const password = this.config.demo.password ?? randomBytes(9).toString('base64url');
    const passwordHash = await hashPassword(password);
    const actors: Record<string, Actor> = {};
    for (const demo of DEMO_USERS) {
      const existing = await this.users.findByEmail(demo.email);
      const user = existing
        ? await this.dataSource.transaction((em) =>
            this.users.update(em, existing.id, { active: true, passwordHash }),
          )
        : await this.usersService.create(null, { ...demo, password });
      actors[demo.roles[0]!] = { id: user.id, email: user.email, roles: user.roles };
    }
    const designer = actors['designer']!;
    const declared = await this.schema.schema();
    for (const scope of [SchemaScope.customer, SchemaScope.context]) {
      for (const field of DEMO_SCHEMA[scope]) {
        if (declared[scope].some((f) => f.name === field.name)) continue;
        await this.schema.define(designer, {
          scope,
          name: field.name,
          type: field.type as FieldType,
          label: field.label,
          description: field.description,
          allowedValues: field.allowedValues,
          personal: field.personal,
          protected: scope === SchemaScope.customer && DEMO_PROTECTED_FIELDS.includes(field.name),
        });
      }
    }
    for (const action of DEMO_ACTIONS) {
      if (await this.actions.get(action.id)) continue;
      await this.actions.create(designer, {
        ...action,
        validFrom: undefined,
        validTo: undefined,
      } as CreateAction);
    }
    const existingNames = (await this.strategies.list({ first: 100 }, true)).edges.map((e) => e.node.name);
    const created: { strategy: DemoStrategy; id: string }[] = [];
    for (const strategy of DEMO_STRATEGIES) {
      if (existingNames.includes(strategy.name)) continue;
      const { id } = await this.strategies.create(designer, {
        name: strategy.name,
        description: strategy.description,
        document: strategy.document as CreateStrategy['document'],
      });
      created.push({ strategy, id });
    }
    // The sample datasets (apps/api/data/samples), imported once, by the demo analyst.
    await this.sampleDatasets.seed(actors['analyst'] ?? null);
    const ready = (await this.datasets.list()).filter((d) => d.status === DatasetStatus.READY);
    for (const { strategy, id } of created) {
      const dataset = ready.find((d) => d.name === strategy.dataset);
      try {
        const published = dataset
          ? await publishDemoStrategy(
              this.modules,
              this.dataSource,
              id,
              dataset,
              actors as Parameters<typeof publishDemoStrategy>[4],
            )
          : false;
        if (!published)
          this.logger.warn(
            `The demo strategy "${strategy.name}" was left in review: its simulation on "${strategy.dataset}" did not complete.`,
          );
      } catch (error) {
        // E.g. a database seeded before a field it reads was declared differently: start anyway.
        this.logger.warn(
          `The demo strategy "${strategy.name}" was not published: ${(error as Error).message}`,
        );
      }
    }
    this.logger.log(
      `Demo data ready: ${DEMO_USERS.length} users, ${DEMO_ACTIONS.length} actions, ${DEMO_STRATEGIES.length} strategies.`,
    );
    return { password, users: DEMO_USERS.map((u) => `${u.email} (${u.roles.join(', ')})`) };
  }
}
