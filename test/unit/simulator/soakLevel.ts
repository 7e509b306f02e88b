// `npm run soak` sets CPCPOLICY_SOAK=1: the slow tests (processes racing, SIGKILL cycles) run many rounds
// there and a bounded few in `npm test`.
export const SOAK = process.env.CPCPOLICY_SOAK === '1';

export function rounds(bounded: number, soak: number): number {
  return SOAK ? soak : bounded;
}
