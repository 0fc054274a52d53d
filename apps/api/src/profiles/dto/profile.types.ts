import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import { JSONScalar } from '../../common/graphql/json.scalar';

@ObjectType({ description: 'A system that sends customer profile values (CRM, billing, service desk…).' })
export class ProfileSource {
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => DateTimeScalar) createdAt: Date;
}

@ObjectType()
export class ProfileField {
  @Field() name: string;
  @Field(() => JSONScalar, {
    nullable: true,
    description: 'null when masked (personal, and the caller is not an admin) or stored as a pseudonym.',
  })
  value: unknown;
  @Field() source: string;
  @Field(() => DateTimeScalar, { description: "The source's time of the value (last writer wins by it)." })
  updatedAt: Date;
  @Field(() => Float, { description: 'Days since updatedAt; conditions read it as customer._age.<field>.' })
  ageDays: number;
  @Field() personal: boolean;
  @Field({ description: 'Stored as a keyed pseudonym (never given to strategies).' }) hashed: boolean;
  @Field() masked: boolean;
}

@ObjectType()
export class CustomerProfile {
  @Field() customerId: string;
  @Field(() => [ProfileField]) fields: ProfileField[];
  @Field(() => JSONScalar, {
    description:
      'The last 20 logged decisions: [{ id, decidedAt, strategyId, versionNumber, actions, source, explanation }], newest first; explanation: sentences on what was recommended and the data it was decided on (personal values for admins only).',
  })
  recentDecisions: unknown;
}

@ObjectType()
export class SourceFieldQuality {
  @Field() field: string;
  @Field(() => Int, { description: 'Customers with a value of this field from this source.' })
  customers: number;
  @Field(() => Float, { description: 'customers / all profiled customers.' }) completeness: number;
  @Field(() => Float) medianAgeDays: number;
  @Field(() => Float) maxAgeDays: number;
  @Field(() => Int, { description: 'Customers whose value is older than staleAfterDays.' })
  staleCustomers: number;
}

@ObjectType()
export class SourceQuality {
  @Field() source: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => [SourceFieldQuality]) fields: SourceFieldQuality[];
}

@ObjectType({ description: 'How fresh and complete the profiles are, per source.' })
export class ProfileQuality {
  @Field(() => Int) customers: number;
  @Field(() => Int) staleAfterDays: number;
  @Field(() => [SourceQuality]) sources: SourceQuality[];
}

@ObjectType({
  description: 'What an erasure did; the audit log names it by erasureId, never by the customer.',
})
export class CustomerErasureResult {
  @Field() erasureId: string;
  @Field(() => Int) profileFields: number;
  @Field(() => Int) interactionsPseudonymised: number;
  @Field(() => Int) decisionsPseudonymised: number;
  @Field(() => Int) deadLettersDeleted: number;
  @Field(() => Int) datasetRowsDeleted: number;
  @Field(() => Int, {
    description: 'Examples of "top action changed" in simulation comparisons now under the pseudonym.',
  })
  simulationExamplesPseudonymised: number;
}
