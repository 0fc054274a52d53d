import { Inject, Injectable } from '@nestjs/common';
import {
  validateDecisionInput,
  type Interaction as EngineInteraction,
  type Recommendation,
} from '@arbiter/engine';
import { AppError, validationFailed, type ErrorDetail } from '../common/errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { newDecisionId } from '../decision-log/decision-id';
import {
  DecisionLogWriter,
  shownOf,
  type DecisionRecord,
  type LoggedAction,
} from '../decision-log/decision-log.writer';
import { HistoryService } from '../interactions/history.service';
import { MetricsService } from '../metrics/metrics.service';
import type { BatchDecisionRequest, DecisionRequest, DecisionResponse } from './decision.schemas';
import { explain } from './explain';
import { pick } from '../strategies/fields-read';
import { PublishedPlans, type PublishedPlan } from './published-plans';
import { splitArms, traceFor } from './split-arms';
import { customerWithProfile, describeOrigins, reservedFieldProblems } from '../profiles/decision-profile';
import type { StoredProfile } from '../profiles/profile-cache';
import { ProfilesService } from '../profiles/profiles.service';

export interface Caller {
  apiKeyId: string | null;
  /** The strategies an API key may use; null: all. */
  strategyIds: readonly string[] | null;
  source: DecisionRecord['source'];
}

interface OneRequest {
  customer: DecisionRequest['customer'];
  context?: Record<string, unknown>;
  limit?: number;
  explainActions?: string[];
}

/**
 * Real-time decisions with the PUBLISHED version of a strategy: input checked against the declared
 * schema, history from HistoryService for contact policies, the compiled plan from the cache; the
 * decision is logged in the background (DecisionLogWriter).
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly plans: PublishedPlans,
    private readonly history: HistoryService,
    private readonly log: DecisionLogWriter,
    private readonly metrics: MetricsService,
    private readonly profiles: ProfilesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async decide(request: DecisionRequest, caller: Caller): Promise<DecisionResponse> {
    const plan = await this.plan(request.strategy, caller);
    const problems = inputProblems(plan, request, '');
    if (problems.length) throw validationFailed(problems);
    const customerId = String(request.customer.id);
    const [{ items, cached }, profile] = await Promise.all([
      this.history.window(customerId),
      this.profiles.forDecision(customerId),
    ]);
    return this.run(plan, request, customerId, items, profile, caller, request.explain ?? false, cached);
  }

  async decideBatch(request: BatchDecisionRequest, caller: Caller) {
    const plan = await this.plan(request.strategy, caller);
    const problems = request.requests.flatMap((r, i) => inputProblems(plan, r, `requests[${i}].`));
    if (problems.length) throw validationFailed(problems);
    const ids = request.requests.map((r) => String(r.customer.id));
    const [windows, profiles] = await Promise.all([
      this.history.windows(ids),
      this.profiles.forDecisions(ids),
    ]);
    const results = request.requests.map((r, i) => {
      const { items, cached } = windows.get(ids[i]!)!;
      const { decisionId, customerId, actions } = this.run(
        plan,
        r,
        ids[i]!,
        items,
        profiles.get(ids[i]!)!,
        caller,
        false,
        cached,
      );
      return { decisionId, customerId, actions };
    });
    return { strategy: strategyUsed(plan), results };
  }

  private async plan(ref: string, caller: Caller): Promise<PublishedPlan> {
    const plan = await this.plans.get(ref);
    if (caller.strategyIds && !caller.strategyIds.includes(plan.strategyId)) {
      throw new AppError('FORBIDDEN', `This API key may not use strategy "${ref}".`, {
        rule: 'API_KEY_SCOPE',
      });
    }
    return plan;
  }

  private run(
    plan: PublishedPlan,
    request: OneRequest,
    customerId: string,
    history: EngineInteraction[],
    profile: StoredProfile,
    caller: Caller,
    withTrace: boolean,
    historyCached = true,
  ): DecisionResponse {
    const started = performance.now();
    const decidedAt = request.context?.['now'] ? new Date(String(request.context['now'])) : new Date();
    // The stored profile fills in what the request does not send (the request wins per field).
    const { customer, origins } = customerWithProfile(
      request.customer,
      profile,
      decidedAt.getTime(),
      plan.schema,
      plan.reads.customer,
    );
    const decisionId = newDecisionId();
    // The decision id seeds adaptive models' exploration: a logged decision replays with the same draws.
    const result = plan.compiled.decide(
      { customer, context: { ...request.context, decisionId }, history },
      {
        trace: traceFor(withTrace, plan.split),
        ...(request.limit && { limit: request.limit }),
        ...(withTrace && request.explainActions?.length && { traceActions: request.explainActions }),
      },
    );
    const actions = result.recommendations.map(toAction);
    const channel = typeof request.context?.['channel'] === 'string' ? request.context['channel'] : undefined;
    const record: DecisionRecord = {
      id: decisionId,
      decidedAt,
      customerId,
      strategyId: plan.strategyId,
      versionId: plan.versionId,
      versionNumber: plan.versionNumber,
      contentHash: plan.contentHash,
      actions: actions.map(toLogged),
      arms: splitArms(result.trace),
      inputs: this.config.decisions.logInputs
        ? {
            customer: { id: request.customer.id, ...pick(customer, plan.reads.customer) },
            context: pick(request.context, plan.reads.context),
          }
        : null,
      latencyMs: 0,
      apiKeyId: caller.apiKeyId,
      source: caller.source,
      ...(channel && { channel }),
    };
    this.history.shown(customerId, history, shownOf(record), historyCached);
    record.latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
    this.log.append(record);
    this.metrics.observeDecision(plan.strategyName, record.latencyMs / 1000);
    return {
      decisionId: record.id,
      customerId,
      strategy: strategyUsed(plan),
      actions,
      ...(withTrace && {
        explanation: [...explain(result.trace), ...describeOrigins(origins)],
        trace: result.trace,
        customerSources: origins,
      }),
    };
  }
}

function inputProblems(plan: PublishedPlan, request: OneRequest, prefix: string): ErrorDetail[] {
  return validateDecisionInput(
    { customer: request.customer, ...(request.context && { context: request.context }) },
    plan.schema,
  )
    .map((p) => ({
      field: `${prefix}${p.field}`,
      message: p.message,
    }))
    .concat(reservedFieldProblems(request.customer, prefix));
}

function strategyUsed(plan: PublishedPlan) {
  return {
    id: plan.strategyId,
    name: plan.strategyName,
    version: plan.versionNumber,
    versionId: plan.versionId,
    contentHash: plan.contentHash,
  };
}

function toAction(r: Recommendation) {
  return {
    rank: r.rank,
    actionId: r.actionId,
    name: r.name,
    ...(r.group !== undefined && { group: r.group }),
    ...(r.channel !== undefined && { channel: r.channel }),
    ...(r.priority !== undefined && { priority: r.priority }),
    ...(r.propensity !== undefined && { propensity: r.propensity }),
    ...(r.value !== undefined && { value: r.value }),
  };
}

function toLogged(a: ReturnType<typeof toAction>): LoggedAction {
  return {
    actionId: a.actionId,
    rank: a.rank,
    priority: a.priority,
    propensity: a.propensity,
    value: a.value,
    channel: a.channel,
    group: a.group,
  };
}
