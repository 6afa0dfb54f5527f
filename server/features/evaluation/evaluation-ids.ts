// Deterministic ids of the year's documents of one member (issue 11): the
// evaluation, the 反馈卡 and the pledge exist once per member and year, so a
// second confirm or issue overwrites rather than duplicates.

export const evaluationId = (memberId: string, year: number) => `${memberId}:${year}`
export const feedbackCardId = (memberId: string, year: number) => `${memberId}:${year}`
export const pledgeId = (memberId: string, year: number) => `${memberId}:${year}`

/** The first instant of the China year and the first instant after it. */
export function yearRange(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, 0, 1) - 8 * 3600_000), to: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3600_000) }
}
