/** The look every chart of the studio shares (recharts props): series colours, axis text, percent ticks. */

export const DRAFT_COLOUR = '#4338ca';
export const BASELINE_COLOUR = '#94a3b8';
export const AXIS = { fontSize: 12, fill: '#334155' };
export const percentTick = (v: number) => `${Math.round(v * 100)}%`;
