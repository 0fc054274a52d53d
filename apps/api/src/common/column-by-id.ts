import {
  In,
  type EntityManager,
  type EntityTarget,
  type FindOptionsSelect,
  type FindOptionsWhere,
} from 'typeorm';

/** Id → one column of the rows of `entity` among `ids` (uuids), in one query; none without ids. */
export async function columnById<E extends { id: string }, K extends keyof E & string>(
  em: EntityManager,
  entity: EntityTarget<E>,
  column: K,
  ids: readonly string[],
): Promise<Map<string, E[K]>> {
  if (!ids.length) return new Map();
  const rows = await em.find(entity, {
    select: { id: true, [column]: true } as FindOptionsSelect<E>,
    where: { id: In([...ids]) } as FindOptionsWhere<E>,
  });
  return new Map(rows.map((row) => [row.id, row[column]]));
}

/** Id → row of `entity` among `ids` (uuids), in one query; none without ids. */
export async function rowsById<E extends { id: string }>(
  em: EntityManager,
  entity: EntityTarget<E>,
  ids: readonly string[],
): Promise<Map<string, E>> {
  if (!ids.length) return new Map();
  const rows = await em.find(entity, { where: { id: In([...ids]) } as FindOptionsWhere<E> });
  return new Map(rows.map((row) => [row.id, row]));
}
