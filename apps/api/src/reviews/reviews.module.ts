import { Module, type OnModuleInit } from '@nestjs/common';
import { AuditNames, uuidsAmong } from '../audit/audit-names';
import { AuditModule } from '../audit/audit.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { ReviewCommentsRepository } from './review-comments.repository';
import { ReviewNotesModule } from './review-notes.module';
import { ReviewsResolver } from './reviews.resolver';
import { ReviewsService } from './reviews.service';

@Module({
  imports: [AuditModule, StrategiesModule, ReviewNotesModule],
  providers: [ReviewCommentsRepository, ReviewsService, ReviewsResolver],
})
export class ReviewsModule implements OnModuleInit {
  constructor(
    private readonly auditNames: AuditNames,
    private readonly comments: ReviewCommentsRepository,
  ) {}

  /** Audit entries about this feature's entities read by name. */
  onModuleInit(): void {
    this.auditNames.register('comment', async (ids, nameOf) => {
      const versions = await this.comments.versionIds(uuidsAmong(ids));
      const named = await Promise.all(
        [...versions].map(async ([id, versionId]) => [id, await nameOf('version', versionId)] as const),
      );
      return new Map(
        named.flatMap(([id, version]) => (version ? [[id, `comment on ${version}`] as const] : [])),
      );
    });
  }
}
