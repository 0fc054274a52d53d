import { Global, Module } from '@nestjs/common';
import { ReviewNotes } from '../strategies/lifecycle-ports';
import { ReviewCommentNotes } from './review-notes';
import { ReviewCommentsRepository } from './review-comments.repository';

/** Provides the lifecycle's ReviewNotes port; global because strategies cannot import reviews (reviews read versions). */
@Global()
@Module({
  providers: [ReviewCommentsRepository, { provide: ReviewNotes, useClass: ReviewCommentNotes }],
  exports: [ReviewNotes],
})
export class ReviewNotesModule {}
