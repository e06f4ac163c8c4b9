/**
 * What a reader may report about a published record: the closed list of reasons, shared
 * by the API, the public form and the desk (each shows them through its labels).
 */
export const REPORT_REASONS = ['outdated', 'wrong', 'duplicate', 'inappropriate'] as const
export type ReportReason = (typeof REPORT_REASONS)[number]
