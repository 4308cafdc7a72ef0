import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'

const api = vi.hoisted(() => ({
  amountInWords: vi.fn(),
  donationAdd: vi.fn(),
  donationUpdate: vi.fn(),
  donationReceive: vi.fn(),
  certificateLayoutGet: vi.fn(),
  certificateLayoutSet: vi.fn(),
}))
vi.mock('../../api/donations', () => api)

import CertificateDialog from './CertificateDialog.vue'
import DonationDialog from './DonationDialog.vue'
import ReceiveDialog from './ReceiveDialog.vue'
import type { Donation } from '../../bindings/Donation'

// The donation screen's dialogs: each reads its amounts through the core and writes once.
const global = { plugins: [ElementPlus] }
const labels = { kinds: ['现金', '物资'], statuses: [], methods: ['转账', '现金'], valuation_bases: [], papers: [] }
const pledge = {
  id: 4,
  donor_name: '八大关小学',
  kind: '现金',
  pledged_figures: '¥50,000.00',
  received_figures: '¥0.00',
  receipts: [],
} as unknown as Donation

beforeEach(() => {
  vi.clearAllMocks()
  document.body.innerHTML = ''
  api.amountInWords.mockImplementation(async (t: string) => ({ fen: Number(t) * 100 }))
})

describe('DonationDialog', () => {
  it('registers a new pledge from a member unit in the screen’s meeting', async () => {
    const w = mount(DonationDialog, {
      props: {
        open: true,
        editing: null,
        labels: labels as never,
        meetings: [{ id: 3, title: '年会' }],
        units: [{ id: 9, name: '八大关小学' }],
        meetingId: 3,
      },
      global,
      attachTo: document.body,
    })
    await flushPromises()
    const vm = w.findComponent({ name: 'ElSelect' })
    vm.vm.$emit('update:modelValue', '八大关小学')
    const pledged = document.querySelector<HTMLInputElement>('input[data-test="donation-pledged"]')!
    pledged.value = '500'
    pledged.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-test="donation-save"]')!.click()
    await flushPromises()
    expect(api.donationAdd).toHaveBeenCalledTimes(1)
    const [input, receipt] = api.donationAdd.mock.calls[0]!
    expect(input).toMatchObject({ donor_name: '八大关小学', unit_id: 9, meeting_id: 3, pledged_fen: 50000 })
    expect(receipt).toBeNull()
    expect(w.emitted('saved')).toEqual([[]])
    expect(w.emitted('update:open')).toEqual([[false]])
    w.unmount()
  })
})

describe('ReceiveDialog', () => {
  it('records what arrived, read by the core, and says so', async () => {
    const w = mount(ReceiveDialog, { props: { donation: pledge, methods: ['转账'] }, global, attachTo: document.body })
    await flushPromises()
    expect(document.body.textContent).toContain('八大关小学：认捐 ¥50,000.00')
    const amount = document.querySelector<HTMLInputElement>('input[data-test="receive-amount"]')!
    amount.value = '200'
    amount.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-test="receive-save"]')!.click()
    await flushPromises()
    expect(api.donationReceive).toHaveBeenCalledWith(4, expect.objectContaining({ amount_fen: 20000, method: '转账' }))
    expect(w.emitted('saved')).toEqual([[]])
    w.unmount()
  })
})

describe('CertificateDialog', () => {
  it('shows the core’s layout and saves it back', async () => {
    const layout = {
      width_mm: 297,
      height_mm: 210,
      offset_x_mm: 0,
      offset_y_mm: 0,
      date_style: '阿拉伯数字',
      print_title: true,
    }
    api.certificateLayoutGet.mockResolvedValue(layout)
    api.certificateLayoutSet.mockImplementation(async (l: unknown) => l)
    const w = mount(CertificateDialog, { global, attachTo: document.body })
    await flushPromises()
    expect(document.querySelector('[data-test="certificate-width"]')).not.toBeNull()
    document.querySelector<HTMLButtonElement>('[data-test="certificate-save"]')!.click()
    await flushPromises()
    expect(api.certificateLayoutSet).toHaveBeenCalledWith(layout)
    expect(w.emitted('close')).toEqual([[]])
    w.unmount()
  })

  it('closes when the layout cannot be read', async () => {
    api.certificateLayoutGet.mockRejectedValue({ kind: 'io', message: '读不到' })
    const w = mount(CertificateDialog, { global })
    await flushPromises()
    expect(w.emitted('close')).toEqual([[]])
  })
})
