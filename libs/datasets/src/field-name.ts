/**
 * Customer field names must be identifiers (letters, digits, _; not starting with a digit) so that
 * strategies can write `customer.<name>`; column names in files often are not ("user-item affinity").
 */
export function fieldNameFor(column: string): string {
  let name = column
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^[^A-Za-z0-9_]+|[^A-Za-z0-9_]+$/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_');
  if (name === '') name = 'column';
  if (/^[0-9]/.test(name)) name = `_${name}`;
  return name;
}

/** One identifier per column, made distinct with _2, _3 … when two columns would get the same one. */
export function fieldNamesFor(columns: readonly string[]): string[] {
  const taken = new Set<string>();
  return columns.map((column) => {
    const base = fieldNameFor(column);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    return name;
  });
}
