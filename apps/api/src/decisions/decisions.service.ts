import { Inject, Injectable } from '@nestjs/common';
import {
  validateDecisionInput,
  type DecisionTrace,
  type Interaction as EngineInteraction,
  type Recommendation,
} from '@arbiter/engine';
import { AppError, validationFailed, type ErrorDetail } from '../common/errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { newDecisionId } from '../decision-log/decision-id';
import { DecisionLogWriter, shownOf, type DecisionRecord } from '../decision-log/decision-log.writer';
import { loggedAction, type LoggedAction } from '../decision-log/logged-action';
import { HistoryService, type ShownUpdate } from '../interactions/history.service';
import { MetricsService } from '../metrics/metrics.service';
import type { BatchDecisionRequest, DecisionRequest, DecisionResponse } from './decision.schemas';
import { explain } from './explain';
import { pick } from './pick-fields';
import { PublishedPlans, type PublishedPlan } from './published-plans';
import { splitArms, traceFor } from './split-arms';
import {
  customerWithProfile,
  describeOrigins,
  reservedFieldProblems,
  type FieldOrigin,
} from '../profiles/decision-profile';
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
    const withTrace = request.explain ?? false;
    const { record, actions, trace, origins } = this.run(
      plan,
      request,
      customerId,
      items,
      profile,
      caller,
      withTrace,
    );
    this.history.shown(customerId, items, shownOf(record), cached);
    this.log.append(record);
    this.metrics.observeDecision(plan.strategyName, record.latencyMs / 1000);
    return {
      decisionId: record.id,
      customerId,
      strategy: strategyUsed(plan),
      actions,
      ...(withTrace && {
        explanation: [...explain(trace), ...describeOrigins(origins)],
        trace,
        customerSources: origins,
      }),
    };
  }

  /**
   * Many customers with one strategy: one cache read (MGET) and one query for their histories and
   * one for their profiles, then the decisions in one synchronous loop; their windows go to the
   * cache in one pipeline and their log rows to the writer at once.
   */
  async decideBatch(request: BatchDecisionRequest, caller: Caller) {
    const plan = await this.plan(request.strategy, caller);
    const requests = request.requests;
    let problems: ErrorDetail[] | undefined;
    for (let i = 0; i < requests.length; i++) {
      const found = inputProblems(plan, requests[i]!, `requests[${i}].`);
      if (found.length) (problems ??= []).push(...found);
    }
    if (problems) throw validationFailed(problems);
    const ids = requests.map((r) => String(r.customer.id));
    const [windows, profiles] = await Promise.all([
      this.history.windows(ids),
      this.profiles.forDecisions(ids),
    ]);
    const results = new Array<{ decisionId: string; customerId: string; actions: Action[] }>(requests.length);
    const records = new Array<DecisionRecord>(requests.length);
    const shown = new Array<ShownUpdate>(requests.length);
    for (let i = 0; i < requests.length; i++) {
      const customerId = ids[i]!;
      const { items, cached } = windows.get(customerId)!;
      const { record, actions } = this.run(
        plan,
        requests[i]!,
        customerId,
        items,
        profiles.get(customerId)!,
        caller,
        false,
      );
      records[i] = record;
      shown[i] = { customerId, previous: items, shown: shownOf(record), previousCached: cached };
      results[i] = { decisionId: record.id, customerId, actions };
    }
    this.history.shownMany(shown);
    this.log.appendMany(records);
    this.metrics.observeDecisions(
      plan.strategyName,
      records.map((r) => r.latencyMs / 1000),
    );
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

  /** One decision: its answer's actions, its log record, and what explains it (the caller hands them on). */
  private run(
    plan: PublishedPlan,
    request: OneRequest,
    customerId: string,
    history: EngineInteraction[],
    profile: StoredProfile,
    caller: Caller,
    withTrace: boolean,
  ): { record: DecisionRecord; actions: Action[]; trace?: DecisionTrace; origins: FieldOrigin[] } {
    const started = performance.now();
    const context = request.context;
    const decidedAt = context?.['now'] ? new Date(String(context['now'])) : new Date();
    // The stored profile fills in what the request does not send (the request wins per field).
    const { customer, origins } = customerWithProfile(
      request.customer,
      profile,
      decidedAt.getTime(),
      plan.schema,
      withTrace ? plan.reads.customer : null,
    );
    const decisionId = newDecisionId();
    // The decision id seeds adaptive models' exploration: a logged decision replays with the same draws.
    const result = plan.compiled.decide(
      { customer, context: { ...context, decisionId }, history },
      {
        trace: traceFor(withTrace, plan.split),
        ...(request.limit && { limit: request.limit }),
        ...(withTrace && request.explainActions?.length && { traceActions: request.explainActions }),
      },
    );
    const recommendations = result.recommendations;
    const actions = new Array<Action>(recommendations.length);
    const logged = new Array<LoggedAction>(recommendations.length);
    for (let i = 0; i < recommendations.length; i++) {
      actions[i] = toAction(recommendations[i]!);
      logged[i] = loggedAction(recommendations[i]!);
    }
    const channel = typeof context?.['channel'] === 'string' ? context['channel'] : undefined;
    const record: DecisionRecord = {
      id: decisionId,
      decidedAt,
      customerId,
      strategyId: plan.strategyId,
      versionId: plan.versionId,
      versionNumber: plan.versionNumber,
      contentHash: plan.contentHash,
      actions: logged,
      arms: splitArms(result.trace),
      inputs: this.config.decisions.logInputs
        ? {
            customer: { id: request.customer.id, ...pick(customer, plan.reads.customer) },
            context: pick(context, plan.reads.context),
          }
        : null,
      latencyMs: 0,
      apiKeyId: caller.apiKeyId,
      source: caller.source,
      ...(channel && { channel }),
    };
    record.latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
    return { record, actions, trace: result.trace, origins };
  }
}

function inputProblems(plan: PublishedPlan, request: OneRequest, prefix: string): ErrorDetail[] {
  const found = validateDecisionInput(
    request.context
      ? { customer: request.customer, context: request.context }
      : { customer: request.customer },
    plan.schema,
  );
  const reserved = reservedFieldProblems(request.customer, prefix);
  if (!found.length) return reserved;
  return found.map((p) => ({ field: `${prefix}${p.field}`, message: p.message })).concat(reserved);
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

type Action = DecisionResponse['actions'][number];

/** The answer's action: the recommendation's fields that are set, in a fixed order. */
function toAction(r: Recommendation): Action {
  const a: Action = { rank: r.rank, actionId: r.actionId, name: r.name };
  if (r.group !== undefined) a.group = r.group;
  if (r.channel !== undefined) a.channel = r.channel;
  if (r.priority !== undefined) a.priority = r.priority;
  if (r.propensity !== undefined) a.propensity = r.propensity;
  if (r.value !== undefined) a.value = r.value;
  return a;
}
