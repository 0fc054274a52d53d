import { Module } from '@nestjs/common';
import { CatalogChanges } from './catalog-changes';

/** Imported by the catalog, the schema and the strategies features; one instance per application. */
@Module({ providers: [CatalogChanges], exports: [CatalogChanges] })
export class CatalogChangesModule {}
