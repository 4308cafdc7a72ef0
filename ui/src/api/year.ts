// 年度概览 and 年度归档: typed calls of src-tauri/src/commands/year.rs.
import { call, progressTo } from './core'
import type { Written } from './print'
import type { ArchiveKind } from '../bindings/ArchiveKind'
import type { ArchiveMeetings } from '../bindings/ArchiveMeetings'
import type { ArchiveOutcome } from '../bindings/ArchiveOutcome'
import type { Retention } from '../bindings/Retention'
import type { RetentionRow } from '../bindings/RetentionRow'
import type { YearStats } from '../bindings/YearStats'

/** Progress of an archive: files written so far and the one being written. */
export interface ArchiveProgress {
  done: number
  current: string
}

export const yearStats = (year: number) => call<YearStats>('year_stats', { year })
/** 年度工作统计 as a PDF at `path`, opened. */
export const yearStatsPdf = (year: number, path: string) => call<Written>('year_stats_pdf', { year, path })

/** The meetings an archive of `year` files by itself (those that took place) and those that may be added. */
export const archiveMeetings = (year: number) => call<ArchiveMeetings>('archive_meetings', { year })

/**
 * Archives `year` into a new folder 联席会年度归档-YYYY inside `dir`, with the meetings
 * `extraMeetings` the secretary added; cancel with printCancel().
 */
export function archiveYear(
  year: number,
  dir: string,
  zip: boolean,
  extraMeetings: number[],
  onProgress: (p: ArchiveProgress) => void,
): Promise<ArchiveOutcome> {
  const ch = progressTo(onProgress)
  return call<ArchiveOutcome>('archive_year', { year, dir, zip, extraMeetings, onProgress: ch })
}

export const archiveRetentions = () => call<RetentionRow[]>('archive_retentions')
export const archiveRetentionSet = (kind: ArchiveKind, retention: Retention) =>
  call<RetentionRow[]>('archive_retention_set', { kind, retention })
export const archiveRetentionOptions = () => call<Retention[]>('archive_retention_options')
