// Runs after `npm install` (root postinstall). The registry reachable here does not serve every
// platform build of packages such as @swc/core, nx or zen-engine, so npm leaves those optional
// entries out of package-lock.json, and `npm ci` then refuses the lock as out of sync. This adds
// an entry for each missing optional dependency; on this platform npm skips them (optional).
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies || {})) {
    const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    lock.packages[hoisted] = { version: spec.replace(/^[\^~=]/, ''), optional: true };
    added++;
  }
}
if (added > 0) {
  fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`package-lock.json: added ${added} optional platform entries so that npm ci accepts it`);
}
