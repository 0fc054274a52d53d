import { Module } from '@nestjs/common';
import { AuditEntityNamesResolver } from './audit-entity-names.resolver';

/**
 * Names what each audit entry is about. It reads the entities of many features, so it sits above
 * them all; the audit log itself stays below every feature that writes to it.
 */
@Module({ providers: [AuditEntityNamesResolver] })
export class AuditNamesModule {}
