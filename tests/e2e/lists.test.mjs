// End-to-end: the three lists in the real app from an EMPTY database, as a secretary starts.
// The street's profile, the roster and the meeting are entered first (through the CLI, as in
// cli_year); then, in the app: the empty 三张清单 screen, a damaged file refused with nothing
// changed, a project list imported from a real .xlsx (title, 合计 and 注 rows; two claimants in
// one cell; one claimant written differently from the roster, mapped in the wizard to its unit;
// one not on the roster at all, added as a new unit), one project claimed for two units in the
// claim dialog, an agreement paired for the lead unit with its {{共建项目}} pre-filled, the
// project marked done with an attachment, and the 项目认领表 (PDF and Word) and 完成情况通报
// printed. Checked through the CLI, the PDFs themselves (pdftotext) and the Word file as
// LibreOffice reads it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { App, CLI, startDriver, tempDataDir } from './webdriver.mjs'
import { ANNUAL, cli, dbBytes, json, pdfText, streetWithRoster, wordText, YEAR } from './papers.mjs'
import { writeXlsx } from './xlsx.mjs'


/** The roster an office sends (six units). */
const ROSTER = [
  '单位名称,联系人,联系电话',
  '八大关小学,陈晨,13805320001',
  '青岛某某研究所,刘洋,0532-82861111',
  '八大关邮政支局,郑爽,13805320003',
  '湛山派出所,许可,13805320004',
  '太平角幼儿园,朱丽,13805320005',
  '八大关文旅发展有限公司,胡悦,13805320006',
].join('\n')

/** The year's project list as a street keeps it in Excel. */
const PROJECTS = [
  [`八大关街道${YEAR}年区域化党建共建项目清单`],
  ['序号', '项目名称', '项目类别', '项目内容', '认领单位', '完成时限'],
  [1, '“四点半课堂”志愿服务', '关心关爱', '为双职工家庭子女提供课后托管和作业辅导', '八大关小学、八大关邮政支局', `${YEAR}年12月`],
  [2, '政策宣讲进社区', '宣传宣讲', '每季度到社区宣讲一次惠民政策', '湛山街区派出所', `${YEAR}-10-31`],
  [3, '老旧小区环境整治', '区域发展', '太平角片区楼道清理和绿化补植', null, `${YEAR}年11月30日`],
  [4, '退役军人法律服务', '服务指导', '每月一次法律咨询', '海滨法律服务所', `${YEAR}.12.31`],
  ['合计', '共4个项目'],
  ['注：认领单位可填写多家，第一家为牵头单位。'],
]

test('the three lists: import, claim, agreement, done and printed, from an empty database', async () => {
  const dataDir = tempDataDir()
  // The street, the roster and the meeting, as a secretary sets them up first.
  streetWithRoster(dataDir, ROSTER, ['name', 'party_org', 'leader', 'contact', 'phone'])
  cli(dataDir, 'meeting', 'create', '--title', ANNUAL, '--kind', '年会', '--date', `${YEAR}-09-25`)
  assert.deepEqual(json(dataDir, 'projects', 'list', '--year', String(YEAR)), [])
  const units = json(dataDir, 'roster', 'list')
  const unitId = (name) => units.find((u) => u.name === name).id

  const sheet = join(dataDir, `${YEAR}年共建项目清单.xlsx`)
  writeXlsx(sheet, PROJECTS, '项目清单')
  const damaged = join(dataDir, '损坏的清单.xlsx')
  writeFileSync(damaged, readFileSync(sheet).subarray(0, 300))
  const photo = join(dataDir, '活动照片.png')
  execFileSync('convert', ['-size', '64x48', 'xc:#b71c1c', photo])

  const driver = await startDriver(dataDir)
  try {
    const app = await App.start(driver.url)
    await app.click('[data-test="nav-lists"]')
    await app.waitFor('[data-test="lists-empty"]', { text: `${YEAR} 年还没有清单` })
    await app.shot('lists-1-empty.png')

    // 1. A damaged file: a Chinese message, and the database is byte-identical.
    const before = dbBytes(dataDir)
    await app.click('[data-test="lists-empty-projects"]')
    await app.pressWithFile('[data-test="list-import-choose"]', damaged, '.el-message', { text: '已损坏或不完整' })
    assert.equal(dbBytes(dataDir), before, 'a damaged file changed the database')

    // 2. The real list: title, 合计 and 注 rows skipped; claimants split; two not on the roster.
    await app.pressWithFile('[data-test="list-import-choose"]', sheet, '[data-test="list-import-columns"]', { text: '认领单位' })
    await app.click('[data-test="list-import-next"]')
    await app.waitFor('[data-test="list-import-count"]', { text: '可导入 4 条' })
    await app.waitFor('[data-test="list-import-rows"]', { text: '八大关邮政支局' })
    await app.waitFor('[data-test="list-import-claimants"]', { text: '湛山街区派出所' })
    await app.waitFor('[data-test="list-import-claimants"]', { text: '海滨法律服务所' })
    await app.shot('lists-2-import-preview.png')
    // Committing before every unknown claimant has a choice is refused.
    await app.click('[data-test="list-import-commit"]')
    await app.waitFor('.el-message', { text: '不在名册中的认领单位' })
    assert.equal(dbBytes(dataDir), before, 'an unresolved claimant let the import through')
    await app.pick('[data-test="claimant-湛山街区派出所"]', '湛山派出所', { search: '湛山' })
    await app.pick('[data-test="claimant-海滨法律服务所"]', '新增成员单位“海滨法律服务所”')
    await app.shot('lists-3-import-claimants.png')
    await app.click('[data-test="list-import-commit"]')
    await app.waitFor('[data-test="list-import-result"]', { text: '导入完成' })
    // The unit is added by the commit, in the import's batch: undoing the import removes it.
    await app.waitFor('[data-test="list-import-result"]', {
      text: '新增成员单位 1 家（海滨法律服务所），撤销本次导入时一并删除',
    })
    await app.shot('lists-4-import-done.png')
    await app.click('[data-test="list-import-close"]')

    const imported = json(dataDir, 'projects', 'list', '--year', String(YEAR))
    assert.equal(imported.length, 4)
    const byName = (name) => imported.find((p) => p.name === name)
    const tutoring = byName('“四点半课堂”志愿服务')
    assert.deepEqual(
      tutoring.claims.map((c) => [c.unit_name, c.lead]),
      [
        ['八大关小学', true],
        ['八大关邮政支局', false],
      ],
    )
    assert.equal(tutoring.deadline, `${YEAR}-12-31`, 'a month means its last day')
    assert.deepEqual(byName('政策宣讲进社区').claims.map((c) => c.unit_id), [unitId('湛山派出所')], 'mapped to the roster unit')
    const newUnit = json(dataDir, 'roster', 'list').find((u) => u.name === '海滨法律服务所')
    assert.ok(newUnit, 'the claimant the user chose to add is on the roster')
    assert.ok(Number.isInteger(newUnit.source_batch_id), 'the added unit belongs to the import batch')
    assert.deepEqual(byName('退役军人法律服务').claims.map((c) => c.unit_id), [newUnit.id])
    const cleanup = byName('老旧小区环境整治')
    assert.deepEqual(cleanup.claims, [])
    assert.equal(cleanup.status, '未认领')

    // 3. The overview: the unclaimed project first.
    await app.waitFor('[data-test="overview-attention"]', { text: '老旧小区环境整治' })
    await app.shot('lists-5-overview.png')

    // 4. Claim the unclaimed project for two units: 太平角幼儿园 leads, the other helps.
    await app.click('#tab-projects')
    await app.click(`[data-test="project-open-${cleanup.id}"]`)
    await app.waitFor('[data-test="project-detail"]', { text: '还没有单位认领' })
    await app.click('[data-test="project-claim"]')
    await app.pick('[data-test="claim-units"]', '太平角幼儿园', { search: '幼儿园' })
    await app.pick('[data-test="claim-units"]', '八大关文旅发展有限公司', { search: '文旅' })
    await app.type('textarea[data-test="claim-commitment"]', '每月组织党员志愿者参加楼道清理')
    await app.shot('lists-6-claim.png')
    await app.click('[data-test="claim-save"]')
    await app.waitFor('[data-test="project-claims"]', { text: '八大关文旅发展有限公司' })
    await app.waitFor('[data-test="project-detail-status"]', { text: '已认领' })
    await app.shot('lists-7-claimed.png')
    const claimed = json(dataDir, 'projects', 'list', '--year', String(YEAR)).find((p) => p.id === cleanup.id)
    assert.deepEqual(
      claimed.claims.map((c) => [c.unit_name, c.lead, c.commitment]),
      [
        ['太平角幼儿园', true, '每月组织党员志愿者参加楼道清理'],
        ['八大关文旅发展有限公司', false, '每月组织党员志愿者参加楼道清理'],
      ],
    )
    await app.click('[data-test="project-detail"] .el-drawer__close-btn')

    // 5. Pair an agreement for the lead unit: its {{共建项目}} comes from its claims.
    await app.click('[data-test="nav-agreements"]')
    await app.click('#tab-pair')
    await app.waitFor('[data-test="pair-meeting"]', { text: ANNUAL })
    await app.click('[data-test="pair-add"]')
    await app.pick('[data-test="pair-a-0"]', '街道（八大关街道）')
    await app.pick('[data-test="pair-b-0"]', '太平角幼儿园', { search: '幼儿园' })
    await app.click('[data-test="pair-create"]', { text: '生成 1 份协议' })
    await app.waitFor('[data-test="agreement-table"]', { text: '太平角幼儿园' })
    const agreement = json(dataDir, 'agreement', 'list').find((a) => a.party_b.name === '太平角幼儿园')
    assert.deepEqual(agreement.projects, ['老旧小区环境整治'])
    await app.click(`[data-test="agreement-edit-${agreement.id}"]`)
    await app.waitFor('[data-test="draft-dialog"]', { text: '共建项目' })
    assert.equal(await app.value('textarea[data-test="draft-projects"]'), '老旧小区环境整治')
    await app.shot('lists-8-agreement-projects.png')
    await app.click('[data-test="draft-dialog"] .el-dialog__headerbtn')

    // 6. Mark the project done, with a photo kept in the data folder.
    await app.click('[data-test="nav-lists"]')
    await app.click('#tab-projects')
    await app.click(`[data-test="project-open-${cleanup.id}"]`)
    await app.type('input[data-test="progress-text"]', '已完成3栋楼的楼道清理')
    await app.click('[data-test="progress-add"]')
    await app.waitFor('[data-test="project-detail-status"]', { text: '实施中' })
    await app.click('[data-test="project-done"]')
    await app.type('textarea[data-test="result-text"]', '完成12栋楼道清理，补植绿篱200米')
    await app.pressWithFile('[data-test="result-add-file"]', photo, '[data-test="project-result"]', { text: '活动照片.png' })
    await app.shot('lists-9-result.png')
    await app.click('[data-test="result-save"]')
    await app.waitFor('[data-test="project-detail-status"]', { text: '已完成' })
    await app.waitFor('[data-test="project-result"]', { text: '完成12栋楼道清理' })
    await app.shot('lists-10-done.png')
    await app.click('[data-test="project-detail"] .el-drawer__close-btn')
    // The table shows the new status (a tag that stays visible, not one stuck fading in).
    await app.waitFor(`[data-test="project-status-${cleanup.id}"]`, { text: '已完成' })
    const done = json(dataDir, 'projects', 'list', '--year', String(YEAR)).find((p) => p.id === cleanup.id)
    assert.equal(done.status, '已完成')
    assert.equal(done.attachments.length, 1)
    assert.ok(existsSync(join(dataDir, done.attachments[0].file)), 'the photo was copied into the data folder')
    assert.deepEqual(readdirSync(join(dataDir, 'attachments')).length, 1)

    // 7. The 项目认领表 and the 完成情况通报.
    await app.click('#tab-overview')
    const claimsPdf = await app.pressWithFile('[data-test="lists-print-claims"]', join(dataDir, '项目认领表.pdf'), '[data-test="lists-print-result"]')
    const progressPdf = await app.pressWithFile('[data-test="lists-print-progress"]', join(dataDir, '完成情况通报.pdf'), '[data-test="lists-print-result"]')
    await app.shot('lists-11-printed.png')
    // The 认领表 in Word too (the same content).
    const claimsDocx = await app.pressWithFile('[data-test="lists-word-claims"]', join(dataDir, '项目认领表.docx'), '[data-test="lists-print-result"]')

    // The meeting's print tab offers the lists and the 认领表 for the day.
    await app.click('[data-test="nav-meetings"]')
    const meeting = json(dataDir, 'meeting', 'list').find((m) => m.title === ANNUAL)
    await app.click(`[data-test="meeting-item-${meeting.id}"]`)
    await app.click('#tab-print')
    await app.waitFor('[data-test="meeting-lists"]', { text: '项目认领表' })
    await app.waitFor('[data-test="meeting-lists"]', { text: `${YEAR - 1} 年项目的完成情况` })
    await app.scrollTo('[data-test="meeting-lists"]')
    await app.shot('lists-12-meeting-print.png')
    await app.quit()

    const claims = pdfText(claimsPdf)
    for (const want of ['项目认领表', '序号', '项目名称', '认领单位', '签字', '“四点半课堂”志愿服务', '八大关小学', '太平角幼儿园', '老旧小区环境整治']) {
      assert.ok(claims.includes(want), `the 项目认领表 lacks ${want}`)
    }
    const word = wordText(claimsDocx)
    for (const want of ['项目认领表', '“四点半课堂”志愿服务', '太平角幼儿园']) {
      assert.ok(word.includes(want), `the 项目认领表 .docx lacks ${want}`)
    }
    const progress = pdfText(progressPdf)
    // Table cells wrap (between words: 太平角/幼儿园), so a long name may come back in pieces.
    for (const want of ['完成情况通报', '共建项目4个', '共有6家单位参与认领', '老旧小区环境', '牵头：太平角', '幼儿园', '已完成', '完成12栋楼道清理，补植绿篱200米']) {
      assert.ok(progress.includes(want), `the 完成情况通报 lacks ${want}`)
    }
  } finally {
    driver.stop()
  }
})

test('needs and resources from Excel: rows with problems left out, a batch undone as a whole, a project batch with the unit it added', async () => {
  const dataDir = tempDataDir()
  streetWithRoster(dataDir, '单位名称,所属社区,联系人,联系电话\n八大关小学,太平角社区,陈晨,13805320001\n太平角幼儿园,太平角社区,朱丽,13805320005')
  const needs = join(dataDir, '需求清单.xlsx')
  writeXlsx(needs, [
    [`${YEAR}年社区需求清单`],
    ['序号', '需求名称', '提出单位', '需求类别', '具体内容', '期望完成时间', '联系人', '联系电话'],
    [1, '老年人助餐', '太平角社区', '关心关爱', '独居老人午餐配送', `${YEAR}年12月`, '赵敏', '0532-82860011'],
    [2, '青少年暑期托管', '居民', '关心关爱', '双职工家庭暑期看护', `${YEAR}.7.1`, null, null],
    [3, null, '八大关小学', null, '没有名称的一行', null, null, null],
    ['合计', '3项'],
  ])
  const resources = join(dataDir, '资源清单.xlsx')
  writeXlsx(resources, [
    ['资源清单'],
    ['序号', '提供单位', '资源类型', '资源名称', '具体内容', '提供时间', '可容纳人数'],
    [1, '八大关小学', '场地', '学校操场', '周末向居民开放', '每周六', '200人'],
    [2, '青岛𠮷祥物业', '志愿者', '物业志愿服务队', null, '每月一次', '20人'],
  ])
  const projects = join(dataDir, '项目清单.xlsx')
  writeXlsx(projects, [
    ['序号', '项目名称', '项目类别', '认领单位'],
    [1, '退役军人法律服务', '服务指导', '海滨法律服务所、八大关小学'],
  ])

  const driver = await startDriver(dataDir)
  try {
    const app = await App.start(driver.url)
    await app.click('[data-test="nav-lists"]')
    await app.waitFor('[data-test="lists-empty"]')

    // 需求: the row without a name is an error on its row; the other two come in.
    await app.click('[data-test="lists-import"] .el-button')
    await app.click('[data-test="lists-import-needs"]')
    await app.pressWithFile('[data-test="list-import-choose"]', needs, '[data-test="list-import-columns"]', { text: '期望完成时间' })
    await app.click('[data-test="list-import-next"]')
    await app.waitFor('[data-test="list-import-count"]', { text: '可导入 2 条' })
    await app.click('#tab-problems')
    await app.waitFor('[data-test="list-import-problems"]', { text: '第5行：名称为空' })
    await app.click('[data-test="list-import-commit"]')
    await app.waitFor('[data-test="list-import-result"]', { text: '已导入 2 条' })
    await app.click('[data-test="list-import-close"]')
    const got = json(dataDir, 'needs', 'list', '--year', String(YEAR))
    assert.deepEqual(
      got.map((n) => [n.code, n.name, n.raised_by, n.wanted_by]),
      [
        [`需${YEAR}-001`, '老年人助餐', '太平角社区', `${YEAR}-12-31`],
        [`需${YEAR}-002`, '青少年暑期托管', '居民', `${YEAR}-07-01`],
      ],
    )
    await app.click('#tab-needs')
    await app.waitFor('[data-test="needs-table"]', { text: '青少年暑期托管' })
    await app.waitFor(`[data-test="need-status-${got[1].id}"]`, { text: '征集' })
    await app.shot('lists-13-needs.png')

    // 资源: one offered by a body not on the roster (kept as written, never a new unit); the
    // batch is undone as a whole, the needs imported before stay.
    await app.click('[data-test="lists-import"] .el-button')
    await app.click('[data-test="lists-import-resources"]')
    await app.pressWithFile('[data-test="list-import-choose"]', resources)
    await app.click('[data-test="list-import-next"]')
    await app.waitFor('[data-test="list-import-rows"]', { text: '物业志愿服务队' })
    await app.click('[data-test="list-import-commit"]')
    await app.waitFor('[data-test="list-import-result"]', { text: '已导入 2 条' })
    const offered = json(dataDir, 'resources', 'list', '--year', String(YEAR))
    assert.deepEqual(
      offered.map((r) => [r.unit_name, r.unit_id !== null, r.kind]),
      [
        ['八大关小学', true, '场地'],
        ['青岛𠮷祥物业', false, '志愿者'],
      ],
    )
    assert.equal(json(dataDir, 'roster', 'list').length, 2, 'no unit was added')
    await app.click('[data-test="list-import-undo"]')
    await app.waitFor('[data-test="list-import-result"]', { text: '已撤销本次导入' })
    await app.click('[data-test="list-import-close"]')
    assert.deepEqual(json(dataDir, 'resources', 'list', '--year', String(YEAR)), [])
    assert.equal(json(dataDir, 'needs', 'list', '--year', String(YEAR)).length, 2, 'the needs stay')
    await app.click('#tab-resources')
    await app.waitFor('[data-test="resources-table"]', { text: '还没有资源' })

    // 项目: a claimant the user adds to the roster during the import belongs to its batch, so
    // undoing the import takes the unit off the roster again.
    const rosterBefore = json(dataDir, 'roster', 'list')
    await app.click('[data-test="lists-import"] .el-button')
    await app.click('[data-test="lists-import-projects"]')
    await app.pressWithFile('[data-test="list-import-choose"]', projects)
    await app.click('[data-test="list-import-next"]')
    await app.waitFor('[data-test="list-import-claimants"]', { text: '海滨法律服务所' })
    await app.pick('[data-test="claimant-海滨法律服务所"]', '新增成员单位“海滨法律服务所”')
    await app.click('[data-test="list-import-commit"]')
    await app.waitFor('[data-test="list-import-result"]', { text: '新增成员单位 1 家（海滨法律服务所）' })
    assert.ok(json(dataDir, 'roster', 'list').some((u) => u.name === '海滨法律服务所'), 'the unit was added')
    await app.click('[data-test="list-import-undo"]')
    await app.waitFor('[data-test="list-import-result"]', {
      text: '新增的成员单位 1 家（海滨法律服务所）已从名册中删除',
    })
    await app.shot('lists-14-undo-added-unit.png')
    await app.click('[data-test="list-import-close"]')
    assert.deepEqual(json(dataDir, 'roster', 'list'), rosterBefore, 'the roster is as it was')
    assert.deepEqual(json(dataDir, 'projects', 'list', '--year', String(YEAR)), [])
    await app.quit()
  } finally {
    driver.stop()
  }
})
