import { readableLine } from './readable-log';

describe('readable development logs', () => {
  const at = new Date(2026, 11, 6, 14, 3, 7).getTime();

  it('shows an HTTP request as time, level, method, path, status and duration', () => {
    const line = readableLine(
      JSON.stringify({
        level: 30,
        time: at,
        pid: 1,
        hostname: 'h',
        req: { id: 'r-1', method: 'POST', url: '/api/v1/decisions' },
        res: { statusCode: 201 },
        responseTime: 3,
        msg: 'request completed',
      }),
      false,
    );
    expect(line).toBe('14:03:07 INFO  POST /api/v1/decisions 201 3 ms  reqId=r-1');
  });

  it('names the context and keeps extra fields as key=value, with an error’s stack below', () => {
    const line = readableLine(
      JSON.stringify({
        level: 50,
        time: at,
        context: 'Learner',
        msg: 'snapshot failed',
        model: 'm-1',
        err: { message: 'boom', stack: 'Error: boom\n    at learn' },
      }),
      false,
    );
    expect(line).toBe('14:03:07 ERROR [Learner] snapshot failed  model=m-1\nError: boom\n    at learn');
  });

  it('colours only on a terminal, and passes a line that is not JSON through', () => {
    expect(readableLine(JSON.stringify({ level: 40, time: at, msg: 'careful' }), true)).toContain(
      '\x1b[33mWARN \x1b[0m',
    );
    expect(readableLine('plain text', true)).toBe('plain text');
  });
});
