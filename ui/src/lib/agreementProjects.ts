// An agreement's 共建项目 are typed one a line; blank lines and the spaces around each go.
export function projectLines(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
}
