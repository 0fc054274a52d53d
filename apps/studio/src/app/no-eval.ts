import { config } from 'zod';

// The studio runs under a Content-Security-Policy without 'unsafe-eval' (apps/api/src/common/security-headers.ts).
// Zod would probe `new Function` to compile faster validators; the browser refuses it and reports a
// violation each time, so validators run in zod's interpreted mode here.
config({ jitless: true });
