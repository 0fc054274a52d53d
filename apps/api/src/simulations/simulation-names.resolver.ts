import { Context, Field, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { SimulationLinks } from './simulation-links';
import { Simulation } from './simulation.entity';

@ObjectType('NamedItem')
export class NamedItem {
  @Field({ description: 'The id the results use.' })
  id: string;

  @Field({
    description:
      "What people read: the action's catalog name, or the step's label (its id when it has none).",
  })
  name: string;
}

@ObjectType('SimulationNames', {
  description: 'The names of the actions and steps in the results, which refer to them by id.',
})
export class SimulationNames {
  @Field(() => [NamedItem], { description: 'The actions of the catalog the simulated versions read.' })
  actions: NamedItem[];

  @Field(() => [NamedItem], {
    description: 'The steps (nodes) of the simulated version and of its baseline.',
  })
  steps: NamedItem[];
}

interface NamedOptions {
  environment?: { actions?: { id: string; name: string }[] };
  baselineEnvironment?: { actions?: { id: string; name: string }[] };
}

/** Names for the ids in a simulation's results, so screens and exports show names, not ids. */
@Resolver(() => Simulation)
export class SimulationNamesResolver {
  constructor(private readonly links: SimulationLinks) {}

  @ResolveField(() => SimulationNames)
  async names(@Parent() simulation: Simulation, @Context() context: object): Promise<SimulationNames> {
    const options = simulation.options as NamedOptions;
    const actions = new Map<string, string>();
    for (const a of [
      ...(options.baselineEnvironment?.actions ?? []),
      ...(options.environment?.actions ?? []),
    ])
      actions.set(a.id, a.name);
    const steps = new Map<string, string>();
    for (const id of [simulation.baselineVersionId, simulation.versionId]) {
      const version = await this.links.version(context, id);
      const nodes = (version?.document as { nodes?: { id?: unknown; label?: unknown }[] } | undefined)?.nodes;
      for (const node of Array.isArray(nodes) ? nodes : []) {
        if (typeof node?.id !== 'string') continue;
        steps.set(node.id, typeof node.label === 'string' && node.label.trim() ? node.label : node.id);
      }
    }
    const list = (m: Map<string, string>) => [...m].map(([id, name]) => ({ id, name }));
    return { actions: list(actions), steps: list(steps) };
  }
}
