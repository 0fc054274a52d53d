import { Module } from '@nestjs/common';
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
export class ReviewsModule {}
