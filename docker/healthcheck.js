// Container health checks. `http`: the API answers /health/ready. `redis`: the worker's Redis answers
// (a worker has no HTTP port; without Redis it cannot take jobs).
const mode = process.argv[2];

async function main() {
  if (mode === 'http') {
    const res = await fetch(`http://127.0.0.1:${process.env.PORT || 3000}/health/ready`);
    if (!res.ok) throw new Error(`health/ready answered ${res.status}`);
    return;
  }
  if (mode === 'redis') {
    const Redis = require('ioredis');
    const client = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000 });
    try {
      await client.connect();
      await client.ping();
    } finally {
      client.disconnect();
    }
    return;
  }
  throw new Error('usage: node docker/healthcheck.js http|redis');
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error.message);
    process.exit(1);
  },
);
