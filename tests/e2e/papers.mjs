// What the end-to-end tests share besides the driver: the CLI on a test's own database (to set
// up and check what the window did), the text of a PDF and of a Word file as a reader gets it
// back, and the street most tests start with.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { CLI } from './webdriver.mjs'

/** `lianxi --db <dataDir>/lianxi.sqlite3 args…`; its stdout. */
export const cli = (dataDir, ...args) =>
  execFileSync(CLI, ['--db', join(dataDir, 'lianxi.sqlite3'), ...args], { encoding: 'utf8' })

/** The same with `--json`, parsed. */
export const json = (dataDir, ...args) => JSON.parse(cli(dataDir, ...args, '--json'))

/** The text poppler reads off a PDF, without white space (`opts` such as '-layout' go first). */
export const pdfText = (pdf, ...opts) => execFileSync('pdftotext', [...opts, pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')

/** A .docx read by a real word processor: LibreOffice converts it to PDF, poppler reads it. */
export function wordText(docx) {
  const out = mkdtempSync(join(tmpdir(), 'lianxi-lo-'))
  execFileSync('soffice', [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx], {
    stdio: 'ignore',
  })
  return pdfText(join(out, basename(docx).replace(/\.docx$/, '.pdf')))
}

/** This year, as the app counts it. */
export const YEAR = new Date().getFullYear()

/** 八大关街道's profile as a secretary fills it in first (the fields of `street set`). */
export const STREET = {
  name: '八大关街道办事处',
  party_org: '中共八大关街道工作委员会',
  leader: '王海',
  contact: '李青',
  phone: '0532-82860001',
}

/**
 * A street set up as a secretary starts, on the command line: its profile (`street set` with
 * these fields of STREET, name and party_org unless told) and a roster imported from a CSV of
 * `rows` (header line first), written as an office sends it (UTF-8 with a BOM).
 */
export function streetWithRoster(dataDir, rows, fields = ['name', 'party_org']) {
  cli(dataDir, 'street', 'set', ...fields.flatMap((k) => [`--${k.replace('_', '-')}`, STREET[k]]))
  const roster = join(dataDir, '名册.csv')
  writeFileSync(roster, '\ufeff' + rows + '\n')
  cli(dataDir, 'roster', 'import', roster)
}

/** 八大关街道's annual meeting of this year, as the tests title it. */
export const ANNUAL = `八大关街道区域化党建联席会${YEAR}年年会`

/** The database's bytes (with its write-ahead log): equal before and after means nothing was written. */
export const dbBytes = (dataDir) =>
  ['lianxi.sqlite3', 'lianxi.sqlite3-wal']
    .map((f) => join(dataDir, f))
    .map((p) => (existsSync(p) ? readFileSync(p).toString('base64') : ''))
    .join('|')
