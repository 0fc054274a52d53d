#!/usr/bin/env node
// Feature-cycle check for apps/api/src: every top-level folder is a feature; an import from one
// feature's file into another's is an edge; a cycle in that graph fails the check.
//
// Type-only imports count too: a feature that needs another's types depends on its design just
// as much as on its code, and a type cycle is the first step to a runtime one. Spec files are
// left out: tests consume features the way apps/api/test does and may reach across them.
// Files directly under src/ (app.module.ts, main.ts, worker.ts...) and database/ (the entity list,
// migrations, the migrate/seed/create-admin commands, the demo seed) form the "app" node: the
// composition root that wires every feature, which no feature may import.
//
// Usage: node tools/check-feature-cycles.js [--graph]   (--graph prints every edge)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const workspaceRoot = path.resolve(__dirname, '..');
const srcRoot = path.join(workspaceRoot, 'apps/api/src');
const ROOT_FEATURE = 'app';
const ROOT_FOLDERS = new Set(['database']);

// Edges known to close a cycle, waiting for their owner's fix. Each is left out of the graph (and
// printed); one that no longer exists fails the check, so the list only shrinks.
const KNOWN_CYCLE_EDGES = [];

function listSourceFiles(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listSourceFiles(full));
    else if (
      /\.tsx?$/.test(entry.name) &&
      !/\.(spec|test)\.tsx?$/.test(entry.name) &&
      !entry.name.endsWith('.d.ts')
    )
      files.push(full);
  }
  return files;
}

function featureOf(file) {
  const relative = path.relative(srcRoot, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null; // outside the api (libs, node_modules)
  const parts = relative.split(path.sep);
  return parts.length === 1 || ROOT_FOLDERS.has(parts[0]) ? ROOT_FEATURE : parts[0];
}

// Every module specifier in a file: static imports/exports (type-only included), `import x =
// require()`, dynamic `import()`, `require()` and `typeof import()` types.
function moduleSpecifiers(sourceFile) {
  const found = [];
  const add = (literal) => {
    const { line } = sourceFile.getLineAndCharacterOfPosition(literal.getStart(sourceFile));
    found.push({ specifier: literal.text, line: line + 1 });
  };
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) add(node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      if (ts.isStringLiteral(node.moduleReference.expression)) add(node.moduleReference.expression);
    } else if (ts.isCallExpression(node)) {
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (
        (isDynamicImport || isRequire) &&
        node.arguments.length === 1 &&
        ts.isStringLiteralLike(node.arguments[0])
      )
        add(node.arguments[0]);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) add(argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function buildFeatureGraph() {
  const configPath = path.join(workspaceRoot, 'apps/api/tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, path.dirname(configPath));
  const host = ts.createCompilerHost(options);

  // edges: from -> to -> [{ file, line, specifier }]
  const edges = new Map();
  const features = new Set();
  const unresolved = [];
  for (const file of listSourceFiles(srcRoot)) {
    const from = featureOf(file);
    features.add(from);
    const sourceFile = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const { specifier, line } of moduleSpecifiers(sourceFile)) {
      const { resolvedModule } = ts.resolveModuleName(specifier, file, options, host);
      if (!resolvedModule) {
        if (specifier.startsWith('.'))
          unresolved.push(`${path.relative(workspaceRoot, file)}:${line} '${specifier}'`);
        continue;
      }
      const to = featureOf(path.resolve(resolvedModule.resolvedFileName));
      if (to === null || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      const sites = edges.get(from).get(to) ?? [];
      sites.push({ file: path.relative(workspaceRoot, file), line, specifier });
      edges.get(from).set(to, sites);
    }
  }
  return { features, edges, unresolved };
}

// Tarjan's strongly connected components: every component with more than one feature holds a cycle.
function stronglyConnectedComponents(features, edges) {
  let index = 0;
  const indexOf = new Map();
  const lowLink = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const connect = (feature) => {
    indexOf.set(feature, index);
    lowLink.set(feature, index);
    index += 1;
    stack.push(feature);
    onStack.add(feature);
    for (const next of edges.get(feature)?.keys() ?? []) {
      if (!indexOf.has(next)) {
        connect(next);
        lowLink.set(feature, Math.min(lowLink.get(feature), lowLink.get(next)));
      } else if (onStack.has(next)) {
        lowLink.set(feature, Math.min(lowLink.get(feature), indexOf.get(next)));
      }
    }
    if (lowLink.get(feature) === indexOf.get(feature)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== feature);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const feature of [...features].sort()) if (!indexOf.has(feature)) connect(feature);
  return components;
}

// The shortest path from one feature back to another inside a component (breadth-first), so each
// reported cycle is a concrete loop a reader can follow.
function shortestPath(edges, from, to, allowed) {
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === to) break;
    for (const next of edges.get(current)?.keys() ?? []) {
      if (allowed.has(next) && !previous.has(next)) {
        previous.set(next, current);
        queue.push(next);
      }
    }
  }
  const pathBack = [];
  for (let at = to; at !== null; at = previous.get(at)) pathBack.push(at);
  return pathBack.reverse();
}

function describeSites(sites, limit = 3) {
  const shown = sites
    .slice(0, limit)
    .map((site) => `      ${site.file}:${site.line} imports '${site.specifier}'`);
  if (sites.length > limit) shown.push(`      ... and ${sites.length - limit} more`);
  return shown.join('\n');
}

function main() {
  const { features, edges, unresolved } = buildFeatureGraph();
  if (process.argv.includes('--graph')) {
    for (const from of [...edges.keys()].sort())
      for (const [to, sites] of [...edges.get(from)].sort())
        console.log(`${from} -> ${to} (${sites.length} import${sites.length === 1 ? '' : 's'})`);
  }
  if (unresolved.length > 0) {
    console.error(`Feature-cycle check: ${unresolved.length} relative import(s) do not resolve:`);
    for (const site of unresolved) console.error(`  ${site}`);
    process.exit(1);
  }
  const stale = [];
  for (const known of KNOWN_CYCLE_EDGES) {
    if (edges.get(known.from)?.delete(known.to))
      console.log(`Known cycle edge, left out: ${known.from} -> ${known.to} (${known.why})`);
    else stale.push(known);
  }
  if (stale.length > 0) {
    for (const known of stale)
      console.error(
        `Feature-cycle check: ${known.from} -> ${known.to} is gone; remove it from KNOWN_CYCLE_EDGES.`,
      );
    process.exit(1);
  }
  const components = stronglyConnectedComponents(features, edges);
  if (components.length === 0) {
    console.log(`Feature-cycle check: ${features.size} features in apps/api/src, no cycles.`);
    return;
  }
  console.error(
    `Feature-cycle check: ${components.length} group(s) of features in apps/api/src import each other in a cycle.`,
  );
  console.error('Break each loop: move the shared type to the lower feature or common/, or invert the');
  console.error('dependency (an injected interface or an event).\n');
  for (const component of components) {
    const members = new Set(component);
    console.error(`Features in a cycle: ${component.join(', ')}`);
    const reported = new Set();
    for (const from of component) {
      for (const to of edges.get(from)?.keys() ?? []) {
        if (!members.has(to)) continue;
        const loop = shortestPath(edges, to, from, members);
        const key = [...loop].sort().join(' ');
        if (reported.has(key)) continue;
        reported.add(key);
        const cycle = [from, ...loop];
        console.error(`  cycle: ${cycle.join(' -> ')}`);
        for (let step = 0; step < cycle.length - 1; step += 1) {
          console.error(`    ${cycle[step]} -> ${cycle[step + 1]}:`);
          console.error(describeSites(edges.get(cycle[step]).get(cycle[step + 1])));
        }
      }
    }
    console.error('');
  }
  process.exit(1);
}

if (require.main === module) main();
module.exports = { buildFeatureGraph };
