// The labels the screens offer (unit categories, meeting kinds …) come from the core, fetched
// once per run and shared: the UI keeps no copy of these lists.
import { shallowRef, type Ref } from 'vue'
import { meetingLabels, unitLabels } from '../api'
import type { MeetingLabels } from '../bindings/MeetingLabels'
import type { UnitLabels } from '../bindings/UnitLabels'
import { showError } from './notify'

/** A loader whose result is fetched on first use and then shared; a failure is shown and retried on the next use. */
export function sharedLabels<T>(load: () => Promise<T>): () => Ref<T | null> {
  const value = shallowRef<T | null>(null)
  let pending: Promise<void> | null = null
  return () => {
    if (!pending) {
      pending = load()
        .then((v) => {
          value.value = v
        })
        .catch((e) => {
          pending = null
          showError(e)
        })
    }
    return value
  }
}

/** 单位类别 and 状态, in display order. */
export const useUnitLabels = sharedLabels<UnitLabels>(unitLabels)

/** 会议类型, 会议状态, 回复 and 议程类型, in display order. */
export const useMeetingLabels = sharedLabels<MeetingLabels>(meetingLabels)
