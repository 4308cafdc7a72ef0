import { describe, expect, it } from 'vitest'
import { computed, ref } from 'vue'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import PaperEditor from './PaperEditor.vue'
import type { PaperDraft } from '../../lib/usePaperDraft'

// The frame of a paper being edited: nothing until the paper is read; then whether it is
// saved, the actions, and the paper, each slot given the draft and its edits.

type Draft = { headline: string; saved: boolean }
type Edit = { headline: string }

function paper(draft: Draft | null, edit: Edit | null, dirty = false) {
  const d = ref(draft)
  return {
    draft: d,
    edit: ref(edit),
    loading: ref(false),
    dirty: computed(() => dirty),
    unsaved: computed(() => !!d.value && !d.value.saved),
  } as unknown as PaperDraft<Draft, Edit>
}

const frame = (p: PaperDraft<Draft, Edit>) =>
  mount(PaperEditor, {
    props: { paper: p, unsavedNote: '按会议数据起草，保存后才存入', test: 'news-editor', unsavedTest: 'news-unsaved' },
    slots: {
      actions: '<button class="save">保存</button>',
      default: '<template #default="{ edit }"><h1 class="paper">{{ edit.headline }}</h1></template>',
    },
    global: { plugins: [ElementPlus] },
  })

describe('PaperEditor', () => {
  it('shows nothing but the frame before the paper is read', () => {
    const w = frame(paper(null, null))
    expect(w.find('[data-test="news-editor"]').exists()).toBe(true)
    expect(w.find('.paper').exists()).toBe(false)
    expect(w.find('.save').exists()).toBe(false)
  })

  it('says a drafted paper is not saved yet, and shows the edits', () => {
    const w = frame(paper({ headline: '联席会召开', saved: false }, { headline: '联席会召开' }))
    expect(w.get('[data-test="news-unsaved"]').text()).toBe('按会议数据起草，保存后才存入')
    expect(w.get('.paper').text()).toBe('联席会召开')
    expect(w.find('.save').exists()).toBe(true)
  })

  it('says there are unsaved edits rather than the draft note once edited', () => {
    const w = frame(paper({ headline: '联席会召开', saved: true }, { headline: '联席会隆重召开' }, true))
    expect(w.text()).toContain('有未保存的修改')
    expect(w.find('[data-test="news-unsaved"]').exists()).toBe(false)
    expect(w.get('.paper').text()).toBe('联席会隆重召开')
  })
})
