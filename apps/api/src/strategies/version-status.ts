import { registerEnumType } from '@nestjs/graphql';

export enum VersionStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}
registerEnumType(VersionStatus, {
  name: 'VersionStatus',
  description:
    'DRAFT → IN_REVIEW → APPROVED → PUBLISHED → RETIRED; reject sends IN_REVIEW back to DRAFT; rollback re-publishes an APPROVED or RETIRED version.',
});
