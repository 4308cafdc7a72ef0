// One rule for every filter of the UI: which values mean "any".
//
// A cleared Element Plus select sets its model to `undefined` (its default value-on-clear),
// initial filters use `null`, and a cleared input gives ''. All three mean "no filter".
// `0` and `false` are real choices (副会长单位 = 否 is `false`), never "any".

/** A filter's value: a real choice, or one of the "any" values. */
export type FilterValue<T> = T | null | undefined

/** True for the values that mean "any": `undefined`, `null` and ''. */
export function isUnset(v: unknown): v is null | undefined | '' {
  return v === undefined || v === null || v === ''
}

/** True when `actual` passes the filter `wanted`: the filter is unset, or it equals `actual`. */
export function passes<T>(wanted: FilterValue<T> | '', actual: T): boolean {
  return isUnset(wanted) || wanted === actual
}
